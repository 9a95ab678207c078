import { useTranslation } from 'react-i18next';

/** FDS error message under a label: the words "Fejl:" for screen readers, then the text. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="form-error-message" id={`${id}-error`}>
      <span className="sr-only">{t('fds.error')}: </span>
      {error}
    </span>
  );
}
