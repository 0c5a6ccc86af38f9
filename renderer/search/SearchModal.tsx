import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DatePicker, Empty, Input, List, Modal, Segmented, Select, Space, Tag, Typography, type InputRef } from 'antd';
import type { RequestOf, ResponseOf } from '../../shared/contract.js';
import { CONTENTS, SEVERITIES } from '../../shared/classification.js';
import { highlights } from '../../shared/search.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useNav } from '../app/navStore.js';
import { CaseTags } from '../case/CaseTags.js';
import { STATE_COLOURS } from '../sla/timeLeft.js';
import { useFormatDue } from '../sla/formatDue.js';
import { useSession } from '../app/sessionStore.js';
import { CaseExportButtons } from '../reports/CaseExport.js';

type Result = ResponseOf<'case.search'>['items'][number];
const SEARCH_DELAY_MS = 120;

/** The typed words marked where they stand in the text, in the text's own characters. */
function Marked({ text, query }: { text: string; query: string }) {
  const marks = highlights(text, query);
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) parts.push({ text: text.slice(at, m.start), mark: false });
    parts.push({ text: text.slice(m.start, m.end), mark: true });
    at = m.end;
  }
  parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/**
 * Search from anywhere (/ or Ctrl+K): case number or its tail, customer, phone digits, and what was
 * written, in Chinese (two characters are enough) or English; results as one types, best first.
 */
export function SearchModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const go = useNav((s) => s.go);
  const formatDue = useFormatDue();
  const inputRef = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Omit<RequestOf<'case.search'>, 'text'>>({});
  const [results, setResults] = useState<Result[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const role = useSession((s) => s.staff?.role);
  const roster = useSession((s) => s.roster);
  const [branches, setBranches] = useState<string[]>([]);
  useEffect(() => {
    call('case.branches', {})
      .then((r) => setBranches(r.branches))
      .catch(() => setBranches([]));
  }, []);
  // Exports carry customers' names and phones in bulk: for those who answer for a branch's cases.
  const mayExport = role === 'supervisor' || role === 'manager';

  useEffect(() => {
    if (!text.trim()) {
      setResults(null);
      return;
    }
    const timer = setTimeout(() => {
      call('case.search', { text, ...filters })
        .then(({ items }) => {
          setResults(items);
          setActive(0);
          setError(null);
        })
        .catch((e: unknown) => setError(errorText(t, e)));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, t]);

  const open = (result: Result | undefined) => {
    if (!result) return;
    onClose();
    go({ name: 'case', id: result.id });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!results?.length) return;
    if (event.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter') open(results[active]);
    else return;
    event.preventDefault();
  };

  const setFilter = (changes: Partial<typeof filters>) => setFilters((f) => Object.fromEntries(Object.entries({ ...f, ...changes }).filter(([, v]) => v !== undefined)));

  return (
    <Modal open title={t('search.title')} footer={null} width={760} onCancel={onClose} destroyOnHidden afterOpenChange={(opened) => opened && inputRef.current?.focus()}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Input
          ref={inputRef}
          autoFocus
          size="large"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          data-testid="search-input"
          allowClear
        />
        <Space wrap>
          <Segmented
            value={filters.state ?? 'any'}
            options={(['any', 'open', 'closed'] as const).map((s) => ({ value: s, label: t(`queue.state.${s}`) }))}
            onChange={(v) => setFilter({ state: v === 'any' ? undefined : (v as 'open' | 'closed') })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('search.severity')}
            value={filters.severity}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            onChange={(v) => setFilter({ severity: v })}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('search.content')}
            value={filters.content}
            options={CONTENTS.map((c) => ({ value: c, label: t(`content.${c}`) }))}
            onChange={(v) => setFilter({ content: v })}
          />
          {branches.length > 1 && (
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('reports.allBranches')}
              aria-label={t('reports.branch')}
              value={filters.branch}
              options={branches.map((b) => ({ value: b, label: b }))}
              onChange={(v) => setFilter({ branch: v })}
            />
          )}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 140 }}
            placeholder={t('search.owner')}
            aria-label={t('search.owner')}
            value={filters.ownerId}
            options={roster.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(v) => setFilter({ ownerId: v })}
          />
          <DatePicker.RangePicker
            aria-label={t('search.received')}
            placeholder={[t('search.receivedFrom'), t('search.receivedTo')]}
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(range) => setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
          {mayExport && <CaseExportButtons testId="search-export" disabled={!results?.length} run={(options) => call('case.searchExport', { text, ...filters, ...options })} />}
        </Space>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {results === null ? (
          <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>
        ) : results.length === 0 ? (
          <Empty description={t('search.none', { text })} />
        ) : (
          <List
            data-testid="search-results"
            dataSource={results}
            renderItem={(r, index) => (
              <List.Item
                onClick={() => open(r)}
                onMouseEnter={() => setActive(index)}
                style={{ cursor: 'pointer', background: index === active ? '#f0f7f5' : undefined, paddingInline: 8 }}
                data-testid="search-result"
              >
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                      <Marked text={r.caseNumber} query={text} />
                    </Typography.Text>
                    <Typography.Text>
                      <Marked text={r.customerName} query={text} /> · <Marked text={r.customerPhone} query={text} />
                    </Typography.Text>
                    <CaseTags summary={r} />
                    {r.dueAt !== null && r.clockState && (
                      <Tag color={STATE_COLOURS[r.clockState]}>
                        {t(`sla.state.${r.clockState}`)} · {formatDue(r.dueAt)}
                      </Tag>
                    )}
                  </Space>
                  <Typography.Text type="secondary" ellipsis>
                    <Marked text={r.description} query={text} />
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Modal>
  );
}
