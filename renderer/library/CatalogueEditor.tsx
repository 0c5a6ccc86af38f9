import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { APPLIANCES, type CataloguePart, type FaultCategory, type FieldCatalogue } from '../../shared/fieldCatalogue.js';
import { LOCALES } from '../../shared/locale.js';
import { call } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { useSession } from '../app/sessionStore.js';
import { formatMoney } from '../field/fieldFormat.js';

const blankNames = () => ({ 'zh-CN': '', 'zh-TW': '', en: '' });
const TABLE = { size: 'small' as const, rowKey: (_: unknown, i?: number) => String(i), pagination: false as const };

/** 配件与故障: the parts and fault categories technicians pick from; a manager publishes a new version. */
export function CatalogueEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { library, set } = useLibrary();
  const isManager = useSession((s) => s.staff?.role === 'manager');
  const [parts, setParts] = useState<CataloguePart[]>(library.catalogue.parts);
  const [faults, setFaults] = useState<FaultCategory[]>(library.catalogue.faults);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify({ parts, faults }) !== JSON.stringify({ parts: library.catalogue.parts, faults: library.catalogue.faults });

  const editPart = (i: number, change: Partial<CataloguePart>) => setParts((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const editFault = (i: number, change: Partial<FaultCategory>) => setFaults((list) => list.map((f, j) => (j === i ? { ...f, ...change } : f)));
  const nameColumns = <T extends { names: CataloguePart['names'] }>(edit: (i: number, change: Partial<T>) => void) =>
    LOCALES.map((locale) => ({
      title: t('library.catalogue.name', { language: t(`library.catalogue.language.${locale}`) }),
      key: locale,
      render: (_: unknown, row: T, i: number) =>
        isManager ? (
          <Input value={row.names[locale]} maxLength={100} aria-label={`${t('library.catalogue.name', { language: t(`library.catalogue.language.${locale}`) })} ${i + 1}`} onChange={(e) => edit(i, { names: { ...row.names, [locale]: e.target.value } } as Partial<T>)} />
        ) : (
          row.names[locale]
        ),
    }));
  const code = <T extends { code: string }>(edit: (i: number, change: Partial<T>) => void) => ({
    title: t('field.partCode'),
    key: 'code',
    render: (_: unknown, row: T, i: number) =>
      isManager ? <Input value={row.code} maxLength={40} aria-label={`${t('field.partCode')} ${i + 1}`} onChange={(e) => edit(i, { code: e.target.value.toUpperCase() } as Partial<T>)} /> : row.code,
  });
  const appliance = <T extends { appliance: (typeof APPLIANCES)[number] }>(edit: (i: number, change: Partial<T>) => void) => ({
    title: t('library.catalogue.appliance'),
    key: 'appliance',
    render: (_: unknown, row: T, i: number) =>
      isManager ? (
        <Select value={row.appliance} style={{ width: 150 }} onChange={(v) => edit(i, { appliance: v } as Partial<T>)} options={APPLIANCES.map((a) => ({ value: a, label: t(`library.catalogue.appliances.${a}`) }))} />
      ) : (
        t(`library.catalogue.appliances.${row.appliance}`)
      ),
  });

  /** What parts and fault categories both have: a code, a name in each language, an appliance. */
  const sharedColumns = <T extends { code: string; names: CataloguePart['names']; appliance: (typeof APPLIANCES)[number] }>(edit: (i: number, change: Partial<T>) => void) => [code<T>(edit), ...nameColumns<T>(edit), appliance<T>(edit)];
  const removeColumn = <T,>(setList: (update: (list: T[]) => T[]) => void) =>
    isManager ? [{ title: '', key: 'remove', render: (_: unknown, _row: T, i: number) => <Button size="small" onClick={() => setList((list) => list.filter((_x, j) => j !== i))}>{t('library.catalogue.remove')}</Button> }] : [];

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await call('library.publishCatalogue', { catalogue: { parts, faults } });
      set(next);
      void message.success(t('library.catalogue.published', { version: (next.catalogue as FieldCatalogue).version }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="catalogue-editor">
      <Typography.Text type="secondary">{t('library.catalogue.hint')}</Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      <Typography.Title level={5}>{t('field.parts')}</Typography.Title>
      <Table
        {...TABLE}
        dataSource={parts}
        columns={[
          ...sharedColumns<CataloguePart>(editPart),
          {
            title: t('field.unitPrice'),
            key: 'price',
            render: (_: unknown, row: CataloguePart, i: number) =>
              isManager ? (
                <InputNumber min={0} max={1_000_000} step={1} value={row.unitPrice / 100} addonAfter="¥" aria-label={`${t('field.unitPrice')} ${i + 1}`} onChange={(v) => editPart(i, { unitPrice: Math.round((v ?? 0) * 100) })} />
              ) : (
                formatMoney(row.unitPrice, i18n.language)
              ),
          },
          {
            title: t('field.warranty'),
            key: 'warranty',
            render: (_: unknown, row: CataloguePart, i: number) =>
              isManager ? <Switch checked={row.warranty} onChange={(warranty) => editPart(i, { warranty })} aria-label={`${t('field.warranty')} ${i + 1}`} /> : row.warranty ? t('field.underWarranty') : t('field.chargeable'),
          },
          ...removeColumn<CataloguePart>(setParts),
        ]}
      />
      {isManager && (
        <Button onClick={() => setParts((list) => [...list, { code: '', names: blankNames(), appliance: 'other', unitPrice: 0, warranty: true }])} data-testid="add-catalogue-part">
          {t('library.catalogue.addPart')}
        </Button>
      )}
      <Typography.Title level={5}>{t('field.faultCategory')}</Typography.Title>
      <Table {...TABLE} dataSource={faults} columns={[...sharedColumns<FaultCategory>(editFault), ...removeColumn<FaultCategory>(setFaults)]} />
      {isManager && (
        <Space>
          <Button onClick={() => setFaults((list) => [...list, { code: '', names: blankNames(), appliance: 'other' }])}>{t('library.catalogue.addFault')}</Button>
          <Button type="primary" disabled={!changed || busy} loading={busy} onClick={() => void publish()} data-testid="publish-catalogue">
            {t('library.catalogue.publish')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
