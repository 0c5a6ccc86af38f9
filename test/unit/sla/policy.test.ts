import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, limitFor, type Policy } from '../../../shared/sla/policy.js';

const policy: Policy = {
  ...DEFAULT_POLICY,
  overrides: [
    { major: true, limits: { approve: { amount: 1, unit: 'working_days' } } },
    { severity: 1, limits: { approve: { amount: 2, unit: 'working_days' }, contact: { amount: 1, unit: 'working_hours' } } },
    { branch: 'SH02', major: true, limits: { approve: { amount: 4, unit: 'working_hours' } } },
  ],
};
const general = { branch: 'BJ01', severity: null, major: false } as const;

describe('which limit applies', () => {
  it('is the organisation default unless an override matches', () => {
    expect(limitFor(policy, 'approve', general)).toEqual({ amount: 3, unit: 'working_days' });
  });

  it('takes the most specific override: branch over severity over major', () => {
    expect(limitFor(policy, 'approve', { ...general, major: true })).toEqual({ amount: 1, unit: 'working_days' });
    expect(limitFor(policy, 'approve', { ...general, major: true, severity: 1 })).toEqual({ amount: 2, unit: 'working_days' });
    expect(limitFor(policy, 'approve', { branch: 'SH02', major: true, severity: 1 })).toEqual({ amount: 4, unit: 'working_hours' });
    expect(limitFor(policy, 'contact', { ...general, severity: 1 })).toEqual({ amount: 1, unit: 'working_hours' });
  });

  it('keeps the seeds\' defaults: classify 1 h, contact 2 h, assign 2 d, investigate 5 d, approve 3 d, execute 2 d, feed back 1 d', () => {
    const l = DEFAULT_POLICY.limits;
    expect([l.classify, l.contact].map((x) => `${x.amount} ${x.unit}`)).toEqual(['1 working_hours', '2 working_hours']);
    expect([l.assign, l.investigate, l.approve, l.execute, l.feed_back].map((x) => x.amount)).toEqual([2, 5, 3, 2, 1]);
    expect(DEFAULT_POLICY.escalateNoContactHours).toBe(24);
    expect(DEFAULT_POLICY.escalateAfterChasers).toBe(3);
  });
});
