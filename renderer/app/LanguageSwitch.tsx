import { Segmented } from 'antd';
import { LOCALES, type Locale } from '../../shared/locale.js';
import { useSettings } from './settingsStore.js';

export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体', 'zh-TW': '繁體', en: 'English' };

/** 简体 / 繁體 / English, available before anyone signs in. */
export function LanguageSwitch() {
  const { settings, setLanguage } = useSettings();
  return (
    <Segmented<Locale>
      size="small"
      value={settings?.locale ?? 'zh-CN'}
      options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      onChange={(locale) => void setLanguage(locale)}
    />
  );
}
