import { useTranslation } from 'react-i18next';

/** Dates and times in the reader's language, in Danish time (the business calendar's zone). */
export function useDates() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  return {
    date: (value: string | null | undefined) => (value ? date.format(new Date(value)) : '—'),
    dateTime: (value: string | null | undefined) => (value ? dateTime.format(new Date(value)) : '—'),
  };
}
