import { z } from 'zod';
import { LOCALES } from './locale.js';
import { BRANCH_CODE_PATTERN, DEVICE_CODE_PATTERN, isValidTimeZone } from './caseNumber.js';

/** Preferences of this desk. Device-local: they are not domain facts, so they are not events. */
export const Settings = z.object({
  locale: z.enum(LOCALES),
  branchCode: z.string().regex(BRANCH_CODE_PATTERN),
  deviceCode: z.string().regex(DEVICE_CODE_PATTERN),
  timeZone: z.string().refine(isValidTimeZone, { message: 'unknown time zone' }),
  /** How far back an earlier similar complaint of the same customer makes this one a repeat. */
  repeatWindowDays: z.number().int().min(1).max(365),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  branchCode: 'BJ01',
  deviceCode: 'A',
  timeZone: 'Asia/Shanghai',
  repeatWindowDays: 30,
};
