import { describe, expect, it, vi } from 'vitest';
import { openDesk } from '../../../electron/core/openDesk.js';
import { createDispatcher } from '../../../electron/core/dispatch.js';
import { countEvents } from '../../../db/eventLog.js';
import { tempDir } from '../../fixtures/tempDir.js';

describe('the contract gate', () => {
  it('answers wrong types with the fields at fault and stores nothing', () => {
    const desk = openDesk(tempDir());
    const result = desk.dispatch('case.create', { customer: { name: '', phone: 'call me' }, channel: 'fax', description: 7 });
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
    expect(countEvents(desk.db)).toBe(0);
  });

  it('refuses channels that are not in the contract, and requests that are not objects', () => {
    const desk = openDesk(tempDir());
    expect(desk.dispatch('case.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(desk.dispatch({ toString: () => 'case.list' }, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(desk.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(desk.dispatch('case.list', 'all of them')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(desk.dispatch('case.get', { id: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('turns a crash inside core into a plain error without stack or personal data, and keeps the data as it was', () => {
    const desk = openDesk(tempDir());
    desk.dispatch('case.create', { customer: { name: '王女士', phone: '13800138000' }, channel: 'phone', description: '投诉' });
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      {
        ...desk.core.handlers,
        'case.create': (request) => {
          desk.db.transaction(() => {
            desk.core.handlers['case.create'](request);
            throw new Error(`disk full while writing ${request.customer.name}`);
          })();
          return undefined as never;
        },
      },
      (channel, error) => logged.push([channel, error instanceof Error ? error.name : error]),
    );
    const result = dispatch('case.create', { customer: { name: '李先生', phone: '13900139000' }, channel: 'phone', description: '又一件' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'the desk could not complete this action; nothing was saved' } });
    expect(JSON.stringify(result)).not.toContain('李先生');
    expect(logged).toEqual([['case.create', 'Error']]);
    expect(countEvents(desk.db)).toBe(1);
    expect(desk.db.prepare('SELECT count(*) AS n FROM complaints').get()).toEqual({ n: 1 });
  });

  it('names a missing case as not found', () => {
    const desk = openDesk(tempDir());
    const spy = vi.spyOn(console, 'error');
    expect(desk.dispatch('case.get', { id: '01936b5e-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(desk.dispatch('case.addNote', { id: '01936b5e-0000-7000-8000-000000000000', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(spy).not.toHaveBeenCalled();
    expect(countEvents(desk.db)).toBe(0);
  });
});
