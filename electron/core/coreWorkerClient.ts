import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { DeskResult, PushEventName } from '../../shared/contract.js';
import type { StartFailure, WorkerReply, WorkerRequest } from './workerProtocol.js';
import type { OpeningProgress } from '../../db/open.js';

/** The core worker could not open the desk's data; `reason` says why in a way the window can explain. */
export class CoreStartError extends Error {
  constructor(readonly reason: StartFailure) {
    super(`the desk could not open its data: ${reason}`);
    this.name = 'CoreStartError';
  }
}

export interface CoreWorkerClient {
  invoke(channel: unknown, request: unknown, session?: unknown): Promise<DeskResult<unknown>>;
  onPush(listener: (event: PushEventName, payload: unknown) => void): void;
  close(): Promise<void>;
}

/** Starts the core worker and speaks to it; resolves once the database is open. */
export async function startCoreWorker(
  workerFile: string | URL,
  dataDir: string,
  options: Pick<WorkerOptions, 'execArgv'> & { onOpening?: (progress: OpeningProgress) => void } = {},
): Promise<CoreWorkerClient> {
  const { onOpening, ...workerOptions } = options;
  const worker = new Worker(workerFile, { ...workerOptions, workerData: { dataDir } });
  const pending = new Map<number, (result: DeskResult<unknown>) => void>();
  const pushListeners: Array<(event: PushEventName, payload: unknown) => void> = [];
  let nextId = 1;
  const failAll = () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'unreachable', message: 'the desk backend stopped; nothing was saved' } });
    }
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        worker.off('error', reject);
        resolve();
      } else if (reply.kind === 'opening') {
        onOpening?.(reply.progress);
      } else if (reply.kind === 'failed') {
        reject(new CoreStartError(reply.reason));
      } else if (reply.kind === 'result') {
        pending.get(reply.id)?.(reply.result);
        pending.delete(reply.id);
      } else {
        for (const listener of pushListeners) listener(reply.event, reply.payload);
      }
    });
  });
  worker.on('error', failAll);
  worker.on('exit', failAll);

  return {
    invoke(channel, request, session) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ kind: 'invoke', id, channel, request, session } satisfies WorkerRequest);
      });
    },
    onPush(listener) {
      pushListeners.push(listener);
    },
    close() {
      return new Promise((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage({ kind: 'close' } satisfies WorkerRequest);
      });
    },
  };
}
