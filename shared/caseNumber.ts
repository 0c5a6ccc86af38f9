/**
 * Case numbers staff read out to the customer: branch + device + local date + daily sequence,
 * e.g. BJ01-A-20261122-0007. Unique without a network because each device owns its code.
 */
import { localParts } from './sla/time.js';

export const BRANCH_CODE_PATTERN = /^[A-Z0-9]{2,8}$/;
export const DEVICE_CODE_PATTERN = /^[A-Z0-9]{1,4}$/;
export const CASE_NUMBER_PATTERN = /^([A-Z0-9]{2,8})-([A-Z0-9]{1,4})-(\d{8})-(\d{4,})$/;

/** The calendar date (YYYYMMDD) of an instant in the branch's time zone, not the machine's. */
export function localDateKey(instantMs: number, timeZone: string): string {
  return localParts(instantMs, timeZone).date.replaceAll('-', '');
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

const knownZones = new Set<string>();

export function isValidTimeZone(timeZone: string): boolean {
  // Settings are parsed on every write; asking Intl each time cost a quarter of a millisecond.
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    knownZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}
