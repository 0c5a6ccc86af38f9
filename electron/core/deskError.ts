import type { ErrorCode, FieldIssue } from '../../shared/contract.js';

/** An error the UI may show: it carries a code the renderer translates. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; reason?: string } = {},
  ) {
    super(message);
    this.name = 'DeskError';
  }
}
