import type { z } from 'zod';
import { contract, isChannel, type DeskResult, type FieldIssue } from '../../shared/contract.js';
import type { DeskCore } from './deskCore.js';
import { DeskError } from './deskError.js';
import { findUnsafeText } from '../../shared/textSafety.js';

/** Synchronous for everything in the database; a promise for calls that wait on the network (sync). */
export type Dispatch = (channel: unknown, request: unknown, session?: unknown) => DeskResult<unknown> | Promise<DeskResult<unknown>>;

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));
}

/** Logs without the request or any personal data: channel and error kind only. */
export type ErrorLogger = (channel: string, error: unknown) => void;
const defaultLogger: ErrorLogger = (channel, error) =>
  console.error(`[calmdesk] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`);

/**
 * The one gate every host goes through (Electron IPC, browser host, tests): checks the channel,
 * the session where the contract asks for one, validates the request with the contract's zod
 * schema, runs core, and turns every failure into a typed, translatable error — never a stack trace.
 */
export function createDispatcher(core: Pick<DeskCore, 'handlers' | 'resolveSession'>, logError: ErrorLogger = defaultLogger): Dispatch {
  return (channel, request, session) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: 'unknown channel' } };
    }
    const entry = contract[channel];
    const staff = entry.auth === 'staff' ? core.resolveSession(session) : null;
    if (entry.auth === 'staff' && !staff) {
      return { ok: false, error: { code: 'signed_out', message: 'sign in first' } };
    }
    // NUL, lone surrogates and absurd nesting never reach core: no store downstream can keep them.
    const unsafe = findUnsafeText(request);
    if (unsafe) {
      return { ok: false, error: { code: 'invalid_request', message: 'the request holds text that cannot be stored', fields: [{ path: unsafe.path, code: unsafe.problem }] } };
    }
    const parsed = entry.request.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_request', message: 'the request does not match the contract', fields: fieldIssues(parsed.error) },
      };
    }
    const failure = (error: unknown): DeskResult<never> => {
      if (error instanceof DeskError) {
        return { ok: false, error: { code: error.code, message: error.message, ...error.details } };
      }
      logError(channel, error);
      return { ok: false, error: { code: 'internal', message: 'the desk could not complete this action; nothing was saved' } };
    };
    // Parsing the answer too keeps the contract honest: only its fields leave core.
    const success = (value: unknown): DeskResult<unknown> => ({ ok: true, value: entry.response.parse(value) });
    try {
      const handler = core.handlers[channel] as (request: unknown, context: unknown) => unknown;
      const value = handler(parsed.data, { staff, session: typeof session === 'string' ? session : null });
      if (value instanceof Promise) return value.then(success).catch(failure);
      return success(value);
    } catch (error) {
      return failure(error);
    }
  };
}
