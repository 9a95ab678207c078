import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { PageHeading } from '../components/fds';

export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      {session && <p>{t('home.notYet', { role: t(`roles.${session.actor.role}`) })}</p>}
    </>
  );
}
