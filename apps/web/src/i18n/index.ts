import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en } from './en';

export const LANGUAGES = [
  { code: 'da', name: 'Dansk' },
  { code: 'en', name: 'English' },
] as const;

/** Danish by default (a Danish public-sector service); the switch changes it for this visit only. */
export function initI18n(language = 'da') {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: language,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on('languageChanged', (code) => document.documentElement.setAttribute('lang', code));
  return instance;
}
