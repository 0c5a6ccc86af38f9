import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { App, Button, Space } from 'antd';
import { EXPORT_COLUMNS, type RequestOf } from '../../shared/contract.js';
import { CASE_STATUSES, CHANNELS } from '../../shared/complaint.js';
import { CONTENTS, SEVERITIES } from '../../shared/classification.js';
import { SATISFACTION_SCALE } from '../../shared/followUp.js';
import { errorText } from '../desk/errorText.js';

type Format = 'xlsx' | 'csv';
type ExportRequest = Pick<RequestOf<'reports.export'>, 'format' | 'columns' | 'words' | 'sheet'>;
interface ExportedFile {
  fileName: string;
  base64: string;
  rows: number;
}

const MEDIA_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/** The words a file uses for the codes in its cells, in the reader's language. */
function exportWords(t: TFunction): Record<string, string> {
  return Object.fromEntries([
    ...CHANNELS.map((c) => [c, t(`channel.${c}`)]),
    ...CASE_STATUSES.map((s) => [s, t(`status.${s}`)]),
    ...SEVERITIES.map((s) => [`severity.${s}`, t(`severity.${s}`)]),
    ...CONTENTS.map((c) => [`content.${c}`, t(`content.${c}`)]),
    ...SATISFACTION_SCALE.map((s) => [`satisfaction.${s}`, t(`satisfaction.${s}`)]),
    ['major', t('major.major')],
  ]);
}

export function download(file: ExportedFile, format: Format): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: MEDIA_TYPES[format] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export to Excel" and "Export to CSV" for a list of cases. The file is built by the desk service,
 * so the window stays responsive; the pressed button shows that it is working until the file is saved.
 */
export function CaseExportButtons({ run, disabled, testId = 'export' }: { run(options: ExportRequest): Promise<ExportedFile>; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Format | null>(null);
  const start = async (format: Format) => {
    setBusy(format);
    try {
      const file = await run({ format, columns: EXPORT_COLUMNS.map((c) => t(`reports.column.${c}`)), words: exportWords(t), sheet: t('reports.sheet') });
      download(file, format);
      void message.success(t('reports.exported', { rows: file.rows }));
    } catch (e) {
      void message.error(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space.Compact>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button key={format} onClick={() => void start(format)} loading={busy === format} disabled={disabled || (busy !== null && busy !== format)} data-testid={`${testId}-${format === 'xlsx' ? 'excel' : 'csv'}`}>
          {busy === format ? t('reports.exporting') : t(`reports.export.${format}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
