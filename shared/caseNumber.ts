/**
 * Case numbers staff read out to the customer: branch + device + local date + daily sequence,
 * e.g. BJ01-A-20261122-0007. Unique without a network because each device owns its code.
 */
export const BRANCH_CODE_PATTERN = /^[A-Z0-9]{2,8}$/;
export const DEVICE_CODE_PATTERN = /^[A-Z0-9]{1,4}$/;
export const CASE_NUMBER_PATTERN = /^([A-Z0-9]{2,8})-([A-Z0-9]{1,4})-(\d{8})-(\d{4,})$/;

/** The calendar date (YYYYMMDD) of an instant in the branch's time zone, not the machine's. */
export function localDateKey(instantMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

export function caseNumberPrefix(branch: string, device: string, dateKey: string): string {
  return `${branch}-${device}-${dateKey}`;
}

export function formatCaseNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error('case sequence starts at 1');
  return `${prefix}-${seq.toString().padStart(4, '0')}`;
}

export interface ParsedCaseNumber {
  prefix: string;
  branch: string;
  device: string;
  dateKey: string;
  seq: number;
}

export function parseCaseNumber(caseNumber: string): ParsedCaseNumber | null {
  const m = CASE_NUMBER_PATTERN.exec(caseNumber);
  if (!m) return null;
  const [, branch, device, dateKey, seq] = m as unknown as [string, string, string, string, string];
  return { prefix: caseNumberPrefix(branch, device, dateKey), branch, device, dateKey, seq: Number(seq) };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
