import { describe, expect, it } from 'vitest';
import { ok, openTeamDesk, openTestDesk } from '../../fixtures/desk.js';
import { rebuildProjections } from '../../../db/projections.js';

describe('the library on a desk', () => {
  it('serves the shipped version until a manager publishes the next one, which survives restart and rebuild', () => {
    const { desk, team, dataDir } = openTeamDesk();
    const shipped = ok(desk, team.clerk.session, 'library.get', {});
    const visit = shipped.answers.find((a) => a.id === 'repair-visit')!;
    expect(visit.version).toBe(1);
    const { version: _v, ...edit } = { ...visit, body: { ...visit.body, 'zh-CN': '我们会在 1 小时内与您确认上门时间。' } };
    expect(desk.dispatch('library.publishAnswer', { answer: edit }, team.supervisor.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const published = ok(desk, team.manager.session, 'library.publishAnswer', { answer: edit });
    expect(published.answers.find((a) => a.id === 'repair-visit')).toMatchObject({ version: 2, body: { 'zh-CN': '我们会在 1 小时内与您确认上门时间。' } });

    const { version: scriptVersion, ...scripts } = published.scripts;
    const next = ok(desk, team.manager.session, 'library.publishScripts', { scripts });
    expect(next.scripts.version).toBe(scriptVersion + 1);
    desk.close();

    const reopened = openTestDesk(dataDir);
    rebuildProjections(reopened.db);
    const session = ok(reopened, undefined, 'auth.signIn', { staffId: team.clerk.staff.id, pin: team.clerk.pin }).session;
    const after = ok(reopened, session, 'library.get', {});
    expect(after.answers.find((a) => a.id === 'repair-visit')!.version).toBe(2);
    expect(after.scripts.version).toBe(scriptVersion + 1);
  });

  it('refuses a malformed answer with the fields at fault and publishes nothing', () => {
    const { desk, team } = openTeamDesk();
    const result = desk.dispatch('library.publishAnswer', { answer: { id: 'Bad Id', topic: 'weather', title: {}, body: {}, keywords: { zh: [], en: [] } } }, team.manager.session);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(desk.db.prepare("SELECT count(*) AS n FROM events WHERE entity = 'library'").get()).toEqual({ n: 0 });
  });
});

describe('publishing lexicon additions', () => {
  it('is for managers, versions the lexicon, and the next read of the library carries it', () => {
    const { desk, team } = openTeamDesk();
    const lexicon = { anger: { zh: { 膈应: 3 }, en: {} }, complaint: { zh: { 鬼影: 1 }, en: {} }, signals: { media: { zh: ['发到头条'], en: [] } } };
    expect(desk.dispatch('library.publishLexicon', { lexicon }, team.clerk.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(desk, team.manager.session, 'library.publishLexicon', { lexicon }).lexicon).toEqual({ version: 2, ...lexicon });
    expect(ok(desk, team.clerk.session, 'library.get', {}).lexicon.version).toBe(2);
    expect(desk.dispatch('library.publishLexicon', { lexicon: { anger: { zh: { 词: 9 }, en: {} }, signals: {} } }, team.manager.session)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
