import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../db/open.js';
import { attachmentsToDownload, forgetAttachmentFile, recordAttachmentFile } from '../../../db/attachmentQueries.js';
import { rebuildProjections } from '../../../db/projections.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { VIEWS_BACK_INTO_ROWS } from '../../fixtures/caseRows.js';

/** What the desk must fetch, asked the long way: every reference without a file. */
const missingTheLongWay = (db: Db) =>
  (db.prepare('SELECT DISTINCT r.hash FROM attachment_refs r WHERE NOT EXISTS (SELECT 1 FROM attachment_files f WHERE f.hash = r.hash) ORDER BY r.hash').all() as Array<{ hash: string }>).map((r) => r.hash);
const missing = (db: Db) => attachmentsToDownload(db).map((r) => r.hash).sort();

const ref = (db: Db, hash: string, caseId: string) =>
  db.prepare("INSERT OR IGNORE INTO attachment_refs (hash, case_id, media_type, size) VALUES (?, ?, 'image/jpeg', 100)").run(hash, caseId);
const file = (hash: string) => ({ hash, mediaType: 'image/jpeg' as const, size: 100 });

describe('the photos a desk still has to fetch', () => {
  it('follow every reference made or cleared and every file stored or dropped, as the long way reads them', () => {
    const { db } = openDatabase(join(tempDir(), 'desk.sqlite'));
    const steps: Array<[string, () => unknown, string[]]> = [
      ['two cases refer to photo a, one to b', () => (ref(db, 'a', 'case1'), ref(db, 'a', 'case2'), ref(db, 'b', 'case1')), ['a', 'b']],
      ['a is downloaded', () => recordAttachmentFile(db, file('a'), true, 1), ['b']],
      ['a photo taken here, not yet referred to', () => recordAttachmentFile(db, file('c'), false, 2), ['b']],
      ['case1 is written again without its photos', () => db.prepare("DELETE FROM attachment_refs WHERE case_id = 'case1'").run(), []],
      ['a damaged copy of a is dropped while case2 still refers to it', () => forgetAttachmentFile(db, 'a'), ['a']],
      ['c is referred to: the desk holds it', () => ref(db, 'c', 'case3'), ['a']],
      ['case2 is gone too', () => db.prepare("DELETE FROM attachment_refs WHERE case_id = 'case2'").run(), []],
    ];
    for (const [what, act, expected] of steps) {
      act();
      expect(missing(db), what).toEqual(expected);
      expect(missing(db), what).toEqual(missingTheLongWay(db));
    }
    db.close();
  });

  it('are found again when the projections are rebuilt from the log', () => {
    const { db } = openDatabase(join(tempDir(), 'desk.sqlite'));
    // No events: a rebuild clears every reference, and with them everything left to fetch.
    ref(db, 'x', 'case1');
    expect(missing(db)).toEqual(['x']);
    rebuildProjections(db);
    expect(missing(db)).toEqual([]);
    db.close();
  });

  it('are listed for a desk upgraded from before the list was kept', () => {
    const path = join(tempDir(), 'desk.sqlite');
    const first = openDatabase(path).db;
    first.exec(`DROP TABLE attachments_missing; DROP TRIGGER attachment_ref_made; DROP TRIGGER attachment_ref_gone; DROP TRIGGER attachment_file_held; DROP TRIGGER attachment_file_gone; ${VIEWS_BACK_INTO_ROWS} PRAGMA user_version = 17`);
    ref(first, 'old', 'case1');
    recordAttachmentFile(first, file('held'), true, 1);
    ref(first, 'held', 'case1');
    first.close();
    const { db } = openDatabase(path);
    expect(missing(db)).toEqual(['old']);
    db.close();
  });
});
