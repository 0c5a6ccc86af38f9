import { SEVERITIES } from '../../shared/classification.js';
import { IMPROVE_TAGS, NOT_REACHED, SATISFACTION_SCALE, SOLVED } from '../../shared/followUp.js';
import type { CaseAction } from '../../shared/lifecycle.js';

/**
 * What each action asks the person for. The form is built from this list; the payload it
 * produces is checked again by the contract's zod schema in core.
 */
export type FieldSpec =
  | { name: string; kind: 'text' | 'textarea'; required?: boolean }
  | { name: string; kind: 'choice'; options: readonly (string | number)[]; optionKey: string; required?: boolean }
  | { name: string; kind: 'tags'; options: readonly string[]; optionKey: string }
  | { name: string; kind: 'switch' | 'staff' | 'conflict'; required?: boolean };

const choice = (name: string, options: readonly (string | number)[], optionKey: string, required = true): FieldSpec => ({
  name,
  kind: 'choice',
  options,
  optionKey,
  required,
});

/** Work orders are not in here: they have their own screen (renderer/field). */
export const ACTION_FIELDS: Partial<Record<CaseAction, FieldSpec[]>> = {
  // The classification has a form of its own, shared with intake (classify/ClassificationFields).
  classified: [],
  assigned: [{ name: 'ownerId', kind: 'staff', required: true }],
  handed_over: [
    { name: 'toId', kind: 'staff', required: true },
    { name: 'reason', kind: 'text', required: true },
  ],
  customer_contacted: [{ name: 'summary', kind: 'textarea', required: true }],
  investigated: [{ name: 'findings', kind: 'textarea', required: true }],
  proposal_made: [
    { name: 'remedy', kind: 'textarea', required: true },
    { name: 'compensation', kind: 'text' },
    { name: 'correctiveAction', kind: 'text' },
  ],
  proposal_withdrawn: [{ name: 'reason', kind: 'text', required: true }],
  proposal_rejected: [{ name: 'reason', kind: 'text', required: true }],
  approved: [{ name: 'comment', kind: 'text' }],
  executed: [{ name: 'summary', kind: 'textarea', required: true }],
  feedback_given: [{ name: 'summary', kind: 'textarea', required: true }],
  followed_up: [
    choice('satisfaction', SATISFACTION_SCALE, 'satisfaction'),
    choice('solved', SOLVED, 'solved'),
    { name: 'expectationMet', kind: 'switch' },
    { name: 'improve', kind: 'tags', options: IMPROVE_TAGS, optionKey: 'improve' },
    { name: 'suggestions', kind: 'textarea' },
    { name: 'returnTo', kind: 'staff' },
  ],
  follow_up_attempted: [choice('outcome', NOT_REACHED, 'notReached'), { name: 'note', kind: 'text' }],
  follow_up_assigned: [{ name: 'toId', kind: 'staff', required: true }],
  closed: [
    { name: 'customerAccepted', kind: 'switch' },
    { name: 'recourse', kind: 'text' },
  ],
  reopened: [{ name: 'reason', kind: 'text', required: true }],
  chased: [choice('source', ['customer', 'internal'], 'chaseSource'), { name: 'note', kind: 'text' }],
  escalated: [choice('severity', SEVERITIES, 'severity'), { name: 'major', kind: 'switch' }, { name: 'reason', kind: 'text', required: true }],
  note_added: [{ name: 'text', kind: 'textarea', required: true }],
  conflict_settled: [
    { name: 'eventId', kind: 'conflict', required: true },
    { name: 'note', kind: 'text', required: true },
  ],
  guidance_step_done: [],
  clock_paused: [{ name: 'reason', kind: 'text', required: true }],
  clock_resumed: [{ name: 'note', kind: 'text' }],
};

/** One key per action, pressed outside a text field; shown on its button. */
export const ACTION_KEYS: Partial<Record<CaseAction, string>> = {
  classified: 'K',
  assigned: 'A',
  handed_over: 'H',
  customer_contacted: 'T',
  investigated: 'I',
  proposal_made: 'P',
  proposal_withdrawn: 'W',
  proposal_rejected: 'R',
  approved: 'Y',
  executed: 'E',
  feedback_given: 'F',
  followed_up: 'V',
  follow_up_attempted: 'U',
  follow_up_assigned: 'B',
  closed: 'X',
  reopened: 'O',
  chased: 'C',
  escalated: 'G',
  note_added: 'N',
  conflict_settled: 'S',
  guidance_step_done: '',
  clock_paused: 'Z',
  clock_resumed: 'Z',
};

