import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { analyze } from '../../shared/guidance/analyze.js';
import { SIGNAL_KINDS, type LexiconExtension, type SignalKind } from '../../shared/guidance/lexicons.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { useSession } from '../app/sessionStore.js';
import { ChangeList } from './ChangeList.js';

type Script = 'zh' | 'en';
type Kind = `anger:${1 | 2 | 3}` | 'complaint' | `signal:${SignalKind}`;
interface Entry {
  script: Script;
  term: string;
  kind: Kind;
}

function entriesOf(ext: Omit<LexiconExtension, 'version'>): Entry[] {
  const entries: Entry[] = [];
  for (const script of ['zh', 'en'] as const) {
    for (const [term, weight] of Object.entries(ext.anger[script])) entries.push({ script, term, kind: `anger:${Math.round(weight) as 1 | 2 | 3}` });
    for (const term of Object.keys(ext.complaint[script])) entries.push({ script, term, kind: 'complaint' });
    for (const kind of SIGNAL_KINDS) for (const term of ext.signals[kind]?.[script] ?? []) entries.push({ script, term, kind: `signal:${kind}` });
  }
  return entries;
}

function extensionOf(entries: Entry[]): Omit<LexiconExtension, 'version'> {
  const ext: Omit<LexiconExtension, 'version'> = { anger: { zh: {}, en: {} }, complaint: { zh: {}, en: {} }, signals: {} };
  for (const e of entries) {
    const [type, value] = e.kind.split(':') as [string, string];
    if (type === 'anger') ext.anger[e.script][e.term] = Number(value);
    else if (type === 'complaint') ext.complaint[e.script][e.term] = 1;
    else {
      const bucket = (ext.signals[value as SignalKind] ??= { zh: [], en: [] });
      bucket[e.script].push(e.term);
    }
  }
  return ext;
}

const key = (e: Entry) => `${e.script}|${e.term}|${e.kind}`;

/** HQ grows the word lists without a release: add a word, try it on a sentence, publish a version. */
export function LexiconEditor() {
  const { t } = useTranslation();
  const { library, set } = useLibrary();
  const isManager = useSession((s) => s.staff?.role === 'manager');
  const published = useMemo(() => entriesOf(library.lexicon), [library.lexicon]);
  const [entries, setEntries] = useState<Entry[]>(published);
  const [draft, setDraft] = useState<Entry>({ script: 'zh', term: '', kind: 'anger:2' });
  const [trial, setTrial] = useState('');
  const [error, setError] = useState<string | null>(null);

  const draftExtension = useMemo(() => ({ ...extensionOf(entries), version: library.lexicon.version + 1 }), [entries, library.lexicon.version]);
  const before = trial.trim() ? analyze(trial, undefined, library.lexicon) : null;
  const after = trial.trim() ? analyze(trial, undefined, draftExtension) : null;
  const kindLabel = (kind: Kind) =>
    kind === 'complaint' ? t('library.lexicon.complaintWord') : kind.startsWith('anger') ? t('library.lexicon.angerWeight', { weight: kind.split(':')[1] }) : t(`guidance.signal.${kind.split(':')[1]}`);
  const changes = [
    ...entries.filter((e) => !published.some((p) => key(p) === key(e))).map((e) => ({ label: t('common.withNote', { main: e.term, note: kindLabel(e.kind) }), before: '', after: t('library.lexicon.added') })),
    ...published.filter((p) => !entries.some((e) => key(e) === key(p))).map((p) => ({ label: t('common.withNote', { main: p.term, note: kindLabel(p.kind) }), before: t('library.lexicon.added'), after: t('library.lexicon.removed') })),
  ];

  const publish = async () => {
    setError(null);
    try {
      set(await call('library.publishLexicon', { lexicon: extensionOf(entries) }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const reading = (label: string, a: ReturnType<typeof analyze> | null) =>
    a && (
      <div>
        <Typography.Text type="secondary">{t('library.lexicon.reading', { label })}</Typography.Text>
        <Tag>{t(`guidance.level.${a.temperature}`)}</Tag>
        {a.signals.map((s) => (
          <Tag key={s.kind} color="volcano">
            {t('guidance.signalWords', { signal: t(`guidance.signal.${s.kind}`), words: s.words.join(t('common.listSeparator')) })}
          </Tag>
        ))}
      </div>
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('library.lexicon.hint', { version: library.lexicon.version })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Table<Entry>
        size="small"
        rowKey={key}
        pagination={false}
        dataSource={entries}
        locale={{ emptyText: t('library.lexicon.empty') }}
        columns={[
          { title: t('library.lexicon.term'), dataIndex: 'term' },
          { title: t('library.lexicon.language'), dataIndex: 'script', render: (s: Script) => (s === 'zh' ? '中文' : 'English') },
          { title: t('library.lexicon.kind'), dataIndex: 'kind', render: (k: Kind) => kindLabel(k) },
          ...(isManager
            ? [{ title: '', key: 'remove', render: (_: unknown, e: Entry) => <Button size="small" danger onClick={() => setEntries(entries.filter((x) => key(x) !== key(e)))}>{t('sla.settings.remove')}</Button> }]
            : []),
        ]}
      />
      {isManager && (
        <Space wrap>
          <Select style={{ width: 110 }} value={draft.script} onChange={(script) => setDraft({ ...draft, script })} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
          <Input style={{ width: 200 }} value={draft.term} maxLength={draft.script === 'zh' ? 20 : 40} placeholder={t('library.lexicon.term')} onChange={(e) => setDraft({ ...draft, term: e.target.value })} aria-label={t('library.lexicon.term')} />
          <Select
            style={{ width: 200 }}
            showSearch
            optionFilterProp="label"
            aria-label={t('library.lexicon.kind')}
            value={draft.kind}
            onChange={(kind) => setDraft({ ...draft, kind })}
            options={[...(['complaint', 'anger:1', 'anger:2', 'anger:3'] as Kind[]), ...SIGNAL_KINDS.map((k) => `signal:${k}` as Kind)].map((k) => ({ value: k, label: kindLabel(k) }))}
          />
          <Button
            disabled={!draft.term.trim() || entries.some((e) => key(e) === key({ ...draft, term: draft.term.trim() }))}
            onClick={() => {
              setEntries([...entries, { ...draft, term: draft.term.trim() }]);
              setDraft({ ...draft, term: '' });
            }}
          >
            {t('library.lexicon.add')}
          </Button>
        </Space>
      )}
      <Input.TextArea rows={2} value={trial} onChange={(e) => setTrial(e.target.value)} placeholder={t('library.lexicon.trial')} aria-label={t('library.lexicon.trial')} />
      <div data-testid="lexicon-trial">
        {reading(t('library.lexicon.now'), before)}
        {reading(t('library.lexicon.afterPublish'), after)}
      </div>
      {isManager && (
        <>
          <ChangeList changes={changes} />
          <Button type="primary" disabled={!changes.length} onClick={() => void publish()}>
            {t('library.publish')}
          </Button>
        </>
      )}
    </Space>
  );
}
