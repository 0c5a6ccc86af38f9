import { useTranslation } from 'react-i18next';
import { Alert, Typography } from 'antd';

/** What a publish would change, field by field: the old text struck through, the new one after. */
export function ChangeList({ changes }: { changes: Array<{ label: string; before: string; after: string }> }) {
  const { t } = useTranslation();
  if (!changes.length) return <Alert type="info" showIcon message={t('library.noChanges')} />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="library-changes"
      message={t('library.changes', { count: changes.length })}
      description={changes.map((c) => (
        <div key={c.label}>
          <Typography.Text strong>{t('common.labelled', { label: c.label })}</Typography.Text>
          <Typography.Text delete type="secondary">
            {c.before || '—'}
          </Typography.Text>{' '}
          → <Typography.Text>{c.after}</Typography.Text>
        </div>
      ))}
    />
  );
}
