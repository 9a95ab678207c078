import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/fds';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('app.notFound')}</PageHeading>;
}
