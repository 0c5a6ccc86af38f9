import { describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, DatabaseDamagedError, openDatabase, workBeforeOpening } from '../../../db/open.js';
import { backUp, backupsOf, KEEP_BACKUPS } from '../../../db/backup.js';
import { DATABASE_FILE } from '../../../electron/core/openDesk.js';
import { restoreNewestBackup } from '../../../electron/core/restore.js';
import { complaint, ok, openTeamDesk, openTestDesk } from '../../fixtures/desk.js';

/** A desk with enough cases to span many pages, closed (its WAL checkpointed into the file). */
async function deskWithCases(withBackup: boolean) {
  const { desk, team, dataDir } = openTeamDesk();
  for (let i = 0; i < 150; i++) ok(desk, team.clerk.session, 'case.create', complaint(`客户${i}`, `第${i}位客户反映热水器漏水，`.repeat(8), `1380000${String(i).padStart(4, '0')}`));
  if (withBackup) await backUp(desk.db, new Date('2026-11-23T02:00:00Z'));
  desk.close();
  return { dataDir, file: join(dataDir, DATABASE_FILE), clerk: team.clerk };
}

function overwrite(file: string, offset: number, bytes: Buffer) {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('a damaged database never takes cases', () => {
  it('refuses a zeroed header, a truncated file and three overwritten pages, with a clear error', async () => {
    const zeroed = await deskWithCases(false);
    overwrite(zeroed.file, 0, Buffer.alloc(100));
    expect(() => openTestDesk(zeroed.dataDir)).toThrow(DatabaseDamagedError);

    const truncated = await deskWithCases(false);
    truncateSync(truncated.file, Math.floor(statSync(truncated.file).size / 2));
    expect(() => openTestDesk(truncated.dataDir)).toThrow(DatabaseDamagedError);

    const pages = await deskWithCases(false);
    const pageCount = statSync(pages.file).size / 4096;
    for (const page of [Math.floor(pageCount / 3), Math.floor(pageCount / 2), Math.floor((pageCount * 2) / 3)]) {
      overwrite(pages.file, page * 4096, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + page) % 256)));
    }
    expect(() => openTestDesk(pages.dataDir)).toThrow(DatabaseDamagedError);
  });

  it('restores the newest sound backup, keeping the damaged file beside it, and the desk opens with the backed-up cases', async () => {
    const { dataDir, file, clerk } = await deskWithCases(true);
    overwrite(file, 0, Buffer.alloc(100));
    expect(() => openTestDesk(dataDir)).toThrow(DatabaseDamagedError);
    expect(restoreNewestBackup(dataDir, new Date('2026-11-23T03:00:00Z'))).toBe(backupsOf(file)[0]);
    expect(readdirSync(dataDir).some((name) => name.startsWith(`${DATABASE_FILE}.damaged-`))).toBe(true);
    const desk = openTestDesk(dataDir);
    const session = ok(desk, undefined, 'auth.signIn', { staffId: clerk.staff.id, pin: clerk.pin }).session;
    expect(ok(desk, session, 'case.list', {}).total).toBe(150);
    desk.close();
  });

  it('keeps the newest backups only, and restores nothing when there is no sound one', async () => {
    const { desk, dataDir } = openTeamDesk();
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) await backUp(desk.db, new Date(Date.UTC(2026, 10, 1 + i)));
    expect(backupsOf(desk.db.name)).toHaveLength(KEEP_BACKUPS);
    expect(backupsOf(desk.db.name)[0]).toContain('20261109T000000Z');
    desk.close();
    for (const backup of backupsOf(join(dataDir, DATABASE_FILE))) overwrite(backup, 0, Buffer.alloc(100));
    overwrite(join(dataDir, DATABASE_FILE), 0, Buffer.alloc(100));
    expect(restoreNewestBackup(dataDir, new Date())).toBeNull();
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
  });

  it('reads every page again unless the file was closed cleanly and left untouched, and at least once a week', async () => {
    const desk = await deskWithCases(false);
    const sealed = readFileSync(`${desk.file}.sealed.json`, 'utf8');
    const lastCheck = (JSON.parse(sealed) as { checkedAt: number }).checkedAt;
    const openAt = (ms: number) => {
      // A host asks first whether to show the opening page; the answer must match what the open then does.
      const foreseen = workBeforeOpening(desk.file, ms);
      const stages: string[] = [];
      const opened = openDatabase(desk.file, { now: () => new Date(ms), onProgress: (p) => stages.push(p.stage) });
      closeDatabase(opened.db, opened.checkedAt);
      expect(stages).toEqual(foreseen === 'check' ? ['checking'] : []);
      expect(foreseen).toBe(opened.checkedAt === ms ? 'check' : 'none');
      return opened.checkedAt;
    };
    // Untouched since a clean close a day ago: trusted, the last check stands (no four-gigabyte read at HQ).
    expect(openAt(lastCheck + 86_400_000)).toBe(lastCheck);
    // After a crash there is no seal: every page is read now.
    rmSync(`${desk.file}.sealed.json`);
    expect(openAt(lastCheck + 2 * 86_400_000)).toBe(lastCheck + 2 * 86_400_000);
    // A week after the last full read, too.
    expect(openAt(lastCheck + 8 * 86_400_000)).toBe(lastCheck + 2 * 86_400_000);
    expect(openAt(lastCheck + 10 * 86_400_000)).toBe(lastCheck + 10 * 86_400_000);
    // And when the file was changed after the close (here only its time: a copy, an edit, a restore).
    utimesSync(desk.file, new Date(), new Date(Date.now() + 60_000));
    expect(openAt(lastCheck + 11 * 86_400_000)).toBe(lastCheck + 11 * 86_400_000);
  });

  it('removes a half copy that an interrupted backup left behind', async () => {
    const { desk, dataDir } = openTeamDesk();
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    writeFileSync(join(dataDir, 'backups', 'calmdesk.sqlite.20261120T020000Z.bak.partial'), 'cut short');
    await backUp(desk.db, new Date('2026-11-23T02:00:00Z'));
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    desk.close();
  });
});
