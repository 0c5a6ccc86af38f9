import type { DeskResult, PushEventName } from '../../shared/contract.js';

/** Why the desk could not open its data: the window says so instead of closing without a word. */
export type StartFailure = 'too_new' | 'unreadable';

export type WorkerRequest = { kind: 'invoke'; id: number; channel: unknown; request: unknown; session: unknown } | { kind: 'close' };
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; reason: StartFailure }
  | { kind: 'result'; id: number; result: DeskResult<unknown> }
  | { kind: 'push'; event: PushEventName; payload: unknown };
