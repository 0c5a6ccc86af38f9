import { describe, expect, it } from 'vitest';
import { caseNumberPrefix, formatCaseNumber, localDateKey, parseCaseNumber } from '../../../shared/caseNumber.js';

describe('case numbers', () => {
  it('uses the branch date, not the machine date, across midnight', () => {
    const evening = Date.parse('2026-11-22T20:30:00Z'); // 04:30 on the 23rd in Beijing
    expect(localDateKey(evening, 'Asia/Shanghai')).toBe('20261123');
    expect(localDateKey(evening, 'Europe/London')).toBe('20261122');
    expect(localDateKey(evening, 'America/Los_Angeles')).toBe('20261122');
  });

  it('reads back what it writes, also past 9999 cases a day', () => {
    const prefix = caseNumberPrefix('BJ01', 'A', '20261122');
    expect(formatCaseNumber(prefix, 7)).toBe('BJ01-A-20261122-0007');
    expect(parseCaseNumber(formatCaseNumber(prefix, 12_345))).toEqual({
      prefix,
      branch: 'BJ01',
      device: 'A',
      dateKey: '20261122',
      seq: 12_345,
    });
  });

  it('refuses what is not a case number', () => {
    expect(parseCaseNumber('BJ01-20261122-0007')).toBeNull();
    expect(parseCaseNumber('bj01-A-20261122-0007')).toBeNull();
    expect(() => formatCaseNumber('BJ01-A-20261122', 0)).toThrow();
  });
});
