import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import type { GuidanceLocale } from '../../shared/guidance/analyze.js';
import { searchAnswers, type StandardAnswer } from '../../shared/guidance/library.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { useSession } from '../app/sessionStore.js';
import { AnswerEditor } from './AnswerEditor.js';
import { PhraseEditor } from './PhraseEditor.js';
import { LexiconEditor } from './LexiconEditor.js';
import { CatalogueEditor } from './CatalogueEditor.js';

type Phrase = ReturnType<typeof useLibrary.getState>['library']['scripts']['phrases'][number];

/** 话术与口径: the scripts and the standard answers every desk uses; managers publish new versions. */
export function LibraryPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as GuidanceLocale;
  const library = useLibrary((s) => s.library);
  const isManager = useSession((s) => s.staff?.role === 'manager');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<StandardAnswer | 'new' | null>(null);
  const [editingPhrase, setEditingPhrase] = useState<number | null>(null);
  const answers = useMemo(() => (query.trim() ? searchAnswers(query, locale, undefined, library, 20) : library.answers), [query, locale, library]);

  const conditions = (p: Phrase) =>
    [
      p.when.minTemperature !== undefined ? t('library.whenTemperature', { level: t(`guidance.level.${p.when.minTemperature}`) }) : null,
      p.when.signal ? t(`guidance.signal.${p.when.signal}`) : null,
      p.when.content ? t(`guidance.content.${p.when.content}`) : null,
      p.when.motive ? t(`motive.${p.when.motive}`) : null,
    ].filter(Boolean);

  return (
    <Card title={t('library.title')}>
      <Tabs
        items={[
          {
            key: 'answers',
            label: t('library.answers'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  <Input.Search allowClear placeholder={t('guidance.searchAnswers')} value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 360 }} />
                  {isManager && <Button onClick={() => setEditing('new')}>{t('library.newAnswer')}</Button>}
                </Space>
                <List
                  dataSource={answers}
                  locale={{ emptyText: t('guidance.noAnswers') }}
                  renderItem={(a) => (
                    <List.Item
                      actions={isManager ? [<Button key="edit" size="small" onClick={() => setEditing(a)}>{t('library.edit')}</Button>] : []}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            {a.title[locale]}
                            <Tag>{t('library.versionTag', { version: a.version })}</Tag>
                            <Tag color="cyan">{t(`guidance.content.${a.topic}`)}</Tag>
                          </Space>
                        }
                        description={a.body[locale]}
                      />
                    </List.Item>
                  )}
                />
              </Space>
            ),
          },
          {
            key: 'scripts',
            label: t('library.scripts', { version: library.scripts.version }),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {library.scripts.steps.map((step) => (
                  <Card key={step} size="small" title={t(`guidance.step.${step}`)}>
                    <List
                      size="small"
                      dataSource={library.scripts.phrases.map((p, index) => ({ p, index })).filter(({ p }) => p.step === step)}
                      renderItem={({ p, index }) => (
                        <List.Item actions={isManager ? [<Button key="edit" size="small" onClick={() => setEditingPhrase(index)}>{t('library.edit')}</Button>] : []}>
                          <Space direction="vertical" size={2}>
                            <Typography.Text>“{p.say[locale]}”</Typography.Text>
                            <Space size={4}>
                              {conditions(p).length ? conditions(p).map((c) => <Tag key={c}>{c}</Tag>) : <Tag>{t('library.always')}</Tag>}
                            </Space>
                          </Space>
                        </List.Item>
                      )}
                    />
                  </Card>
                ))}
              </Space>
            ),
          },
          {
            key: 'lexicon',
            label: t('library.lexicon.title', { version: library.lexicon.version }),
            children: <LexiconEditor key={library.lexicon.version} />,
          },
          {
            key: 'catalogue',
            label: t('library.catalogue.title', { version: library.catalogue.version }),
            children: <CatalogueEditor key={library.catalogue.version} />,
          },
        ]}
      />
      {editing && <AnswerEditor answer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {editingPhrase !== null && <PhraseEditor index={editingPhrase} onClose={() => setEditingPhrase(null)} />}
    </Card>
  );
}
