import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../../../db/open.js';
import { rebuildProjections } from '../../../db/projections.js';
import { countEvents } from '../../../db/eventLog.js';
import { getCaseView } from '../../../db/complaintQueries.js';
import { DATABASE_FILE } from '../../../electron/core/openDesk.js';
import { tempDir } from '../../fixtures/tempDir.js';
import { CASE_ROWS_WITH_VIEWS } from '../../fixtures/caseRows.js';

const ACKS_BEFORE_KILL = 300;

describe('a desk killed mid-write', () => {
  it('keeps every acknowledged case intact and the log consistent', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/createCasesUntilKilled.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked = new Map<string, string>();
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const [, id, caseNumber] = line.split(' ');
          acked.set(id!, caseNumber!);
        }
        if (acked.size >= ACKS_BEFORE_KILL && child.exitCode === null) child.kill('SIGKILL');
      });
      child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed: ${signal}`))));
    });

    const { db } = openDatabase(join(dataDir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [id, caseNumber] of acked) expect(getCaseView(db, id)?.caseNumber).toBe(caseNumber);
    // Nothing half-written: every event has its case and every case has its event.
    const cases = db.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number };
    const staffEvents = db.prepare("SELECT count(*) AS n FROM events WHERE entity = 'staff'").get() as { n: number };
    const customers = db.prepare("SELECT count(*) AS n FROM events WHERE entity = 'customer'").get() as { n: number };
    expect(customers.n).toBe(1); // every case is the same caller's phone
    expect(countEvents(db)).toBe(cases.n + staffEvents.n + customers.n);
    expect(cases.n).toBeGreaterThanOrEqual(acked.size);
    const numbers = db.prepare('SELECT case_number FROM complaints ORDER BY case_seq').all() as Array<{ case_number: string }>;
    expect(new Set(numbers.map((r) => r.case_number)).size).toBe(numbers.length);
    const live = db.prepare(CASE_ROWS_WITH_VIEWS).all();
    rebuildProjections(db);
    expect(db.prepare(CASE_ROWS_WITH_VIEWS).all()).toEqual(live);
    db.close();
  });
});
