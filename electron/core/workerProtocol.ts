import type { DeskResult, PushEventName } from '../../shared/contract.js';

import type { StartFailure } from '../../shared/startupFailure.js';
import type { OpeningProgress } from '../../db/open.js';
export type { OpeningProgress };
export type { StartFailure };

export type WorkerRequest = { kind: 'invoke'; id: number; channel: unknown; request: unknown; session: unknown } | { kind: 'close' };
export type WorkerReply =
  | { kind: 'opening'; progress: OpeningProgress }
  | { kind: 'ready' }
  | { kind: 'failed'; reason: StartFailure }
  | { kind: 'result'; id: number; result: DeskResult<unknown> }
  | { kind: 'push'; event: PushEventName; payload: unknown };
