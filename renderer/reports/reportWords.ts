import type { TFunction } from 'i18next';

/** The parts of a step's bar, in the order a reader scans them: done on time first, then the trouble. */
export const STEP_PARTS = [
  { key: 'onTime', color: '#2f7d6d' },
  { key: 'openInTime', color: '#8fc1b5' },
  { key: 'late', color: '#d4a72c' },
  { key: 'openOverdue', color: '#c0392b' },
] as const;

/** A content category's name; cases not classified yet report as `none`. */
export const contentLabel = (t: TFunction, key: string) => (key === 'none' ? t('reports.unclassified') : t(`content.${key}`));
