import type { z } from 'zod';
import { contract, isChannel, type DeskResult, type FieldIssue } from '../../shared/contract.js';
import type { Handlers } from './deskCore.js';
import { DeskError } from './deskError.js';

export type Dispatch = (channel: unknown, request: unknown) => DeskResult<unknown>;

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));
}

/** Logs without the request or any personal data: channel and error kind only. */
export type ErrorLogger = (channel: string, error: unknown) => void;
const defaultLogger: ErrorLogger = (channel, error) =>
  console.error(`[calmdesk] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`);

/**
 * The one gate every host goes through (Electron IPC, browser host, tests): checks the channel,
 * validates the request with the contract's zod schema, runs core, and turns every failure into
 * a typed, translatable error — never a stack trace.
 */
export function createDispatcher(handlers: Handlers, logError: ErrorLogger = defaultLogger): Dispatch {
  return (channel, request) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: 'unknown channel' } };
    }
    const parsed = contract[channel].request.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_request', message: 'the request does not match the contract', fields: fieldIssues(parsed.error) },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      // Parsing the answer too keeps the contract honest: only its fields leave core.
      return { ok: true, value: contract[channel].response.parse(handler(parsed.data)) };
    } catch (error) {
      if (error instanceof DeskError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      }
      logError(channel, error);
      return { ok: false, error: { code: 'internal', message: 'the desk could not complete this action; nothing was saved' } };
    }
  };
}
