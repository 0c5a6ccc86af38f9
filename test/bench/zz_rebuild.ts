import { performance } from 'node:perf_hooks';
import { recordEvents } from '../../db/eventStore.js';
import { rebuildProjections } from '../../db/projections.js';
import { openTeamDesk } from '../fixtures/desk.js';
import { caseNumberPrefix, formatCaseNumber, localDateKey } from '../../shared/caseNumber.js';
import { formatHlc } from '../../shared/hlc.js';
import { newId } from '../../shared/ids.js';
import type { EventEnvelope } from '../../shared/events.js';
import { tempDir } from '../fixtures/tempDir.js';
const CASES = Number(process.env.N ?? 20000);
const dataDir = tempDir('zz-rebuild-');
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
for (let r = 0; r < 8; r++) {
  const big = r % 2 === 1;
  desk.db.pragma(`cache_size = ${big ? -262144 : -2000}`);
  if (process.env.TMP) desk.db.pragma(`temp_store = ${big ? 2 : 0}`);
  const t = performance.now();
  rebuildProjections(desk.db);
  console.log(`rebuild ${big ? 'big cache' : 'default'} ${CASES}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
desk.close();
