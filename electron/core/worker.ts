import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_TICK_MS, openDesk } from './openDesk.js';
import type { WorkerReply, WorkerRequest } from './workerProtocol.js';
import { DatabaseDamagedError, DatabaseTooNewError } from '../../db/open.js';

/**
 * The core's home in Electron: a worker thread that owns the one SQLite writer connection, so
 * synchronous queries never block the process that draws windows.
 */
if (!parentPort) throw new Error('core worker must run in a worker thread');
const port = parentPort;
let opened: ReturnType<typeof openDesk>;
try {
  opened = openDesk((workerData as { dataDir: string }).dataDir, undefined, {
    tickMs: DEFAULT_TICK_MS,
    onOpening: (progress) => port.postMessage({ kind: 'opening', progress } satisfies WorkerReply),
  });
} catch (error) {
  port.postMessage({ kind: 'failed', reason: error instanceof DatabaseTooNewError ? 'too_new' : error instanceof DatabaseDamagedError ? 'damaged' : 'unreadable' } satisfies WorkerReply);
  process.exit(1);
}
const desk = opened;
desk.core.subscribe((event, payload) => port.postMessage({ kind: 'push', event, payload } satisfies WorkerReply));
port.on('message', (message: WorkerRequest) => {
  if (message.kind === 'close') {
    desk.close();
    port.close();
    return;
  }
  void desk.dispatchAsync(message.channel, message.request, message.session).then((result) =>
    port.postMessage({ kind: 'result', id: message.id, result } satisfies WorkerReply),
  );
});
port.postMessage({ kind: 'ready' } satisfies WorkerReply);
