import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/fds';

export function SubmitSection({ onSubmit, submitting, ready }: { onSubmit(): void; submitting: boolean; ready: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('form.submit.intro')}</p>
      <Button onClick={onSubmit} disabled={submitting} aria-disabled={!ready || undefined}>
        {submitting ? t('form.submit.submitting') : t('form.submit.button')}
      </Button>
    </>
  );
}
