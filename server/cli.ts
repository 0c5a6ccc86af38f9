import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildServer } from './app.js';
import { migrate } from './schema.js';
import { pgliteSql, postgresSql, type Sql } from './sql.js';
import { addBranch, addStaff, createEnrolmentCode, revokeDevice } from './admin.js';
import type { Role } from '../shared/staff.js';

/**
 * `npm run server` — the central sync server on PGlite (a data directory, nothing to install) or on
 * PostgreSQL when DATABASE_URL is set. `npm run server -- admin …` manages branches and desks.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, hq: { type: 'boolean' }, 'trust-proxy': { type: 'boolean' }, 'device-rate': { type: 'string' } },
});

async function open(): Promise<Sql> {
  const sql = process.env.DATABASE_URL ? postgresSql(process.env.DATABASE_URL) : await pgliteSql(resolve(values['data-dir'] ?? 'server-data'));
  await migrate(sql);
  return sql;
}

const USAGE = `usage:
  npm run server [-- --data-dir DIR --port 8787 --trust-proxy --device-rate 50]
  npm run server -- admin branch CODE NAME
  npm run server -- admin enrol BRANCH DESK [--hq]
  npm run server -- admin staff BRANCH NAME ROLE      (the password is asked for, or read from stdin)
  npm run server -- admin revoke DEVICE_ID`;

/** A secret from the terminal without echo, or the first line of stdin when it is piped. */
async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve) => {
    let secret = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(secret);
        }
        if (char === '\u0003') process.exit(130);
        secret = char === '\u007f' ? secret.slice(0, -1) : secret + char;
      }
    };
    process.stdin.on('data', onData);
  });
}

const sql = await open();
if (positionals[0] === 'admin') {
  const [, what, a, b] = positionals;
  try {
    if (what === 'branch' && a && b) {
      await addBranch(sql, a, b);
      console.log(`branch ${a} saved`);
    } else if (what === 'enrol' && a && b) {
      console.log(`one-time enrolment code for ${a}-${b}: ${await createEnrolmentCode(sql, a, b, values.hq ? 'hq' : 'branch')}`);
    } else if (what === 'staff' && a && b && positionals[4] && positionals[5]) {
      // A password on the command line is visible to every local user (ps, shell history).
      console.error('Do not put the password on the command line: leave it out and type it when asked, or pipe it on stdin.');
      process.exitCode = 2;
    } else if (what === 'staff' && a && b && positionals[4]) {
      const password = await readSecret(`password for ${b}: `);
      console.log(`staff ${b} created: ${await addStaff(sql, a, b, positionals[4] as Role, password)}`);
    } else if (what === 'revoke' && a) {
      console.log((await revokeDevice(sql, a)) ? `device ${a} revoked` : `no device ${a}`);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
  await sql.close();
} else {
  const deviceRate = values['device-rate'] === undefined ? undefined : Number(values['device-rate']);
  if (deviceRate !== undefined && !(Number.isSafeInteger(deviceRate) && deviceRate > 0)) {
    console.error('--device-rate must be a whole number of requests per second');
    process.exit(2);
  }
  const app = buildServer({ sql, logger: true, trustProxy: values['trust-proxy'] ?? false, devicePerSecond: deviceRate });
  const address = await app.listen({ host: values.host ?? '127.0.0.1', port: Number(values.port ?? 8787) });
  console.log(`CalmDesk sync server at ${address}`);
  const stop = () => void app.close().then(() => sql.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
