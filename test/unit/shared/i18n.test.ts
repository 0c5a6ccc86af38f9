import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLOCK_STATES, ERROR_CODES } from '../../../shared/contract.js';
import { SLA_STEPS } from '../../../shared/sla/policy.js';
import { REFUSAL_REASONS } from '../../../shared/sync.js';
import { CHANNELS, CASE_STATUSES } from '../../../shared/complaint.js';
import { CASE_ACTIONS } from '../../../shared/lifecycle.js';
import { ACTOR_ROLES } from '../../../shared/staff.js';
import { CAUSES, COMMUNICATION_KINDS, CONTENTS, MOTIVES, NATURES, SEVERITIES } from '../../../shared/classification.js';
import { LOCALES } from '../../../shared/locale.js';

type Tree = { [key: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(`renderer/i18n/locales/${locale}.json`, 'utf8')) as Tree;
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const lookup = (tree: Tree, key: string) => {
  if (key in tree && typeof tree[key] === 'string') return tree[key];
  return key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
};

describe('translations', () => {
  const reference = keys(load('zh-CN')).sort();

  it.each(LOCALES)('%s has every key the default language has, and no empty one', (locale) => {
    const tree = load(locale);
    expect(keys(tree).sort()).toEqual(reference);
    for (const key of reference) expect(String(lookup(tree, key)).trim()).not.toBe('');
  });

  it.each(LOCALES)('%s names every error code, channel, status, action, role and category the backend can send', (locale) => {
    const tree = load(locale);
    for (const code of ERROR_CODES) expect(lookup(tree, `errors.${code}`), code).toBeTypeOf('string');
    for (const channel of CHANNELS) expect(lookup(tree, `channel.${channel}`), channel).toBeTypeOf('string');
    for (const status of CASE_STATUSES) expect(lookup(tree, `status.${status}`), status).toBeTypeOf('string');
    for (const status of CASE_STATUSES) expect(lookup(tree, `tell.${status}`), `tell ${status}`).toBeTypeOf('string');
    for (const action of CASE_ACTIONS) expect(lookup(tree, `action.${action}`), action).toBeTypeOf('string');
    for (const action of CASE_ACTIONS) expect(lookup(tree, `event.${action}`), `event ${action}`).toBeTypeOf('string');
    for (const role of ACTOR_ROLES) expect(lookup(tree, `role.${role}`), role).toBeTypeOf('string');
    for (const reason of REFUSAL_REASONS) expect(lookup(tree, `sync.refusal.${reason}`), `sync refusal ${reason}`).toBeTypeOf('string');
    for (const step of SLA_STEPS) expect(lookup(tree, `sla.step.${step}`), `sla step ${step}`).toBeTypeOf('string');
    for (const state of CLOCK_STATES) expect(lookup(tree, `sla.state.${state}`), `clock ${state}`).toBeTypeOf('string');
    const lists = { severity: SEVERITIES, nature: NATURES, communicationKind: COMMUNICATION_KINDS, content: CONTENTS, cause: CAUSES, motive: MOTIVES };
    for (const [key, values] of Object.entries(lists)) for (const v of values) expect(lookup(tree, `${key}.${v}`), `${key}.${v}`).toBeTypeOf('string');
  });

  it('uses full-width punctuation in Chinese sentences', () => {
    for (const locale of ['zh-CN', 'zh-TW']) {
      for (const key of reference) {
        const text = String(lookup(load(locale), key));
        if (/[\u4e00-\u9fff]/.test(text)) expect(text, `${locale} ${key}`).not.toMatch(/[\u4e00-\u9fff][,;!?](\s|$)|[\u4e00-\u9fff]\.$/);
      }
    }
  });
});
