import type { TFunction } from 'i18next';
import { DeskCallError } from './client.js';
import { MIN_PRIVILEGED_PIN } from '../../shared/staff.js';

/** Plain words for any failure: what went wrong and what to do, never a code alone. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof DeskCallError)) return t('errors.internal');
  const main =
    error.code === 'refused' && error.reason
      ? t('errors.refusedBecause', { reason: t(`conflictReason.${error.reason}`, { defaultValue: t('errors.refused') }) })
      : t(`errors.${error.code}`);
  if (!error.fields.length) return main;
  if (error.fields.some((f) => f.code === 'unsafe_text' || f.code === 'too_deep')) return `${main} ${t('errors.unsafeText')}`;
  if (error.fields.some((f) => f.code === 'too_short')) return t('signin.managerPinRule', { min: MIN_PRIVILEGED_PIN });
  // Named in the person's words: the form's label for the field, never the path inside the request.
  const label = (path: string) => t(`fields.${path}`, { defaultValue: t(`actionField.${path.split('.').pop() ?? ''}`, { defaultValue: t('errors.aField') }) });
  const names = [...new Set(error.fields.map((f) => label(f.path)))];
  return `${main} ${t('errors.fields', { fields: names.join(t('common.listSeparator')) })}`;
}
