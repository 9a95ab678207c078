import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { PageHeading } from '../components/fds';
import { homeOf, NAVIGATION } from './home-of';

/** Where a page not meant for the role sends it (RequireRole): a link to the role's own start page. */
export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const start = session && NAVIGATION[session.actor.role][0];
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      {session && start && (
        <p>
          {t('home.yourPages', { role: t(`roles.${session.actor.role}`) })} <Link to={homeOf(session.actor.role)}>{t(start.label)}</Link>
        </p>
      )}
    </>
  );
}
