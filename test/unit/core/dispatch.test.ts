import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/core/dispatch.js';
import { countEvents } from '../../../db/eventLog.js';
import { complaint, ok, openTeamDesk } from '../../fixtures/desk.js';

const caseCount = (db: import('../../../db/open.js').Db) => (db.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number }).n;

describe('the contract gate', () => {
  it('answers wrong types with the fields at fault and stores nothing', () => {
    const { desk, team } = openTeamDesk();
    const before = countEvents(desk.db);
    const result = desk.dispatch('case.create', { customer: { name: '', phone: 'call me' }, channel: 'fax', description: 7 }, team.clerk.session);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.any(String),
        fields: expect.arrayContaining([
          { path: 'customer.name', code: 'too_small' },
          { path: 'customer.phone', code: 'invalid_format' },
          { path: 'channel', code: 'invalid_value' },
          { path: 'description', code: 'invalid_type' },
        ]),
      },
    });
    expect(countEvents(desk.db)).toBe(before);
  });

  it('refuses channels that are not in the contract, requests that are not objects, and calls without a session', () => {
    const { desk, team } = openTeamDesk();
    const s = team.clerk.session;
    expect(desk.dispatch('case.delete', {}, s)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(desk.dispatch({ toString: () => 'case.list' }, {}, s)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(desk.dispatch('__proto__', {}, s)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(desk.dispatch('case.list', 'all of them', s)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(desk.dispatch('case.get', { id: 'not-a-uuid' }, s)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(desk.dispatch('case.create', complaint())).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(desk.dispatch('case.create', complaint(), 'forged-session')).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(caseCount(desk.db)).toBe(0);
  });

  it('turns a crash inside core into a plain error without stack or personal data, and keeps the data as it was', () => {
    const { desk, team } = openTeamDesk();
    ok(desk, team.clerk.session, 'case.create', complaint());
    const before = countEvents(desk.db);
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      {
        resolveSession: desk.core.resolveSession,
        handlers: {
          ...desk.core.handlers,
          'case.create': (request, context) => {
            desk.db.transaction(() => {
              desk.core.handlers['case.create'](request, context);
              throw new Error(`disk full while writing ${request.customer.name}`);
            })();
            return undefined as never;
          },
        },
      },
      (channel, error) => logged.push([channel, error instanceof Error ? error.name : error]),
    );
    const result = dispatch('case.create', complaint('李先生', '又一件', '13900139000'), team.clerk.session);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'the desk could not complete this action; nothing was saved' } });
    expect(JSON.stringify(result)).not.toContain('李先生');
    expect(logged).toEqual([['case.create', 'Error']]);
    expect(countEvents(desk.db)).toBe(before);
    expect(caseCount(desk.db)).toBe(1);
  });

  it('names a missing case as not found', () => {
    const { desk, team } = openTeamDesk();
    const spy = vi.spyOn(console, 'error');
    const missing = '01936b5e-0000-7000-8000-000000000000';
    const before = countEvents(desk.db);
    expect(desk.dispatch('case.get', { id: missing }, team.clerk.session)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(desk.dispatch('case.act', { id: missing, action: { type: 'note_added', payload: { text: 'x' } } }, team.clerk.session)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(spy).not.toHaveBeenCalled();
    expect(countEvents(desk.db)).toBe(before);
  });
});
