import { performance } from 'node:perf_hooks';
import { recordEvents } from '../../db/eventStore.js';
import { openTeamDesk, ok } from '../fixtures/desk.js';
import { caseNumberPrefix, formatCaseNumber, localDateKey } from '../../shared/caseNumber.js';
import { formatHlc } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { EventEnvelope } from '../../shared/events.js';
import { tempDir } from '../fixtures/tempDir.js';
const CASES = Number(process.env.N ?? 20000);
const dataDir = tempDir('zz-create-');
const { desk, team } = openTeamDesk(undefined, dataDir);
const start = Date.parse('2026-01-01T01:00:00Z');
const by = { actor: team.clerk.staff.id, actorRole: 'clerk' as const, device: desk.core.deviceId, schema: 1 };
for (let offset = 0; offset < CASES; offset += 1000) {
  const batch: EventEnvelope[] = [];
  for (let i = offset; i < Math.min(CASES, offset + 1000); i++) {
    const at = start + Math.floor(i / 400) * 86_400_000 + (i % 400) * 60_000;
    const prefix = caseNumberPrefix('BJ01', 'A', localDateKey(at, 'Asia/Shanghai'));
    const customer = { name: `客户${i}`, phone: `138${String(i).padStart(8, '0')}` };
    const customerId = newId();
    const stamp = (counter: number) => formatHlc({ wallMs: at, counter, node: desk.core.deviceId });
    batch.push({ id: newId(), entity: 'customer', entityId: customerId, type: 'customer_registered', payload: { name: customer.name, phones: [customer.phone] }, ...by, hlc: stamp(0) });
    batch.push({ id: newId(), entity: 'complaint', entityId: newId(), type: 'received', payload: { customer, customerId, channel: i % 3 ? 'phone' : 'walk_in', description: `上周买的热水器漏水，已经打了三次电话都没人上门（第${i}号）`, expectation: '尽快上门维修', caseNumber: formatCaseNumber(prefix, (i % 400) + 1), branch: 'BJ01', receivedAt: new Date(at).toISOString() }, ...by, hlc: stamp(1) });
  }
  recordEvents(desk.db, batch);
}
const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t = performance.now();
  const r = desk.dispatch('case.create', { customer: { name: '王女士', phone: `139${String(i).padStart(8, '0')}` }, channel: 'phone', description: '营业厅排队两个小时，工作人员态度冷淡，要求给个说法。', expectation: '道歉' }, team.clerk.session);
  times.push(performance.now() - t);
  if (!r.ok) throw new Error('create failed');
}
times.sort((a, b) => a - b);
console.log(`create at ${CASES}: median ${times[500]!.toFixed(3)} p99 ${times[990]!.toFixed(3)}`);
desk.close();
{
  const { statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { openDesk } = await import('../../electron/core/openDesk.js');
  const d2 = openDesk(dataDir);
  const s2 = ok(d2, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
  d2.db.pragma('wal_checkpoint(TRUNCATE)');
  d2.db.pragma('wal_autocheckpoint = 0');
  const walFile = join(dataDir, 'calmdesk.sqlite-wal');
  const before = statSync(walFile).size;
  const t: number[] = [];
  for (let i = 0; i < 100; i++) { const s = performance.now(); ok(d2, s2, 'case.create', { customer: { name: '李先生', phone: `137${String(i).padStart(8, '0')}` }, channel: 'phone', description: '营业厅排队两个小时，工作人员态度冷淡，要求给个说法。', expectation: '道歉' }); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(`no autocheckpoint: median ${t[50]!.toFixed(3)}; WAL frames per create ${((statSync(walFile).size - before) / 100 / 4120).toFixed(1)}`);
  const names = d2.db.prepare("SELECT name, count(*) n FROM dbstat GROUP BY name ORDER BY n DESC LIMIT 5").all();
  console.log(JSON.stringify(names));
  d2.close();
}
