import type { DeskResult, PushEventName } from '../../shared/contract.js';

export type WorkerRequest = { kind: 'invoke'; id: number; channel: unknown; request: unknown; session: unknown } | { kind: 'close' };
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: DeskResult<unknown> }
  | { kind: 'push'; event: PushEventName; payload: unknown };
