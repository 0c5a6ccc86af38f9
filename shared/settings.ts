import { z } from 'zod';
import { LOCALES } from './locale.js';
import { BRANCH_CODE_PATTERN, DEVICE_CODE_PATTERN, isValidTimeZone } from './caseNumber.js';

export const RECEIPT_PAPERS = ['a4', 'a5', 'thermal80'] as const;
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number];

/** Preferences of this desk. Device-local: they are not domain facts, so they are not events. */
export const Settings = z.object({
  locale: z.enum(LOCALES),
  branchCode: z.string().regex(BRANCH_CODE_PATTERN),
  deviceCode: z.string().regex(DEVICE_CODE_PATTERN),
  timeZone: z.string().refine(isValidTimeZone, { message: 'unknown time zone' }),
  /** How far back an earlier similar complaint of the same customer makes this one a repeat. */
  repeatWindowDays: z.number().int().min(1).max(365),
  /** Printed on the customer's receipt: the branch as the customer knows it, and whom to call. */
  branchName: z.string().trim().max(60),
  hotline: z.string().trim().max(40),
  /** The printer the receipt goes to: an office printer (A4/A5) or the counter's 80 mm receipt printer. */
  receiptPaper: z.enum(RECEIPT_PAPERS),
  /**
   * A shared store counter (门店受理): the shortest intake, the receipt on the thermal printer, and
   * clerks see nothing but the intake screen while a customer is looking.
   */
  counterMode: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  branchCode: 'BJ01',
  deviceCode: 'A',
  timeZone: 'Asia/Shanghai',
  repeatWindowDays: 30,
  branchName: '',
  hotline: '',
  receiptPaper: 'a4',
  counterMode: false,
};
