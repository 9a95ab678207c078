import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useNavigate } from 'react-router';
import { Actor, useSession } from './auth/session';
import { Button, Header, LanguageSwitch, SkipLink } from './components/fds';
import { LANGUAGES } from './i18n';

const NAVIGATION: Partial<Record<Actor['role'], { to: string; label: string }[]>> = {
  researcher: [{ to: '/applications', label: 'nav.myApplications' }],
  caseworker: [{ to: '/queues/central', label: 'nav.queues' }],
  legal_approver: [{ to: '/queues/approval', label: 'nav.queues' }],
};

/** Every page: skip link, header with language switch and the person signed in, then the page in <main>. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <SkipLink label={t('app.skip')} />
      <Header
        title={t('app.title')}
        navigationLabel={t('app.mainNavigation')}
        navigation={(session ? (NAVIGATION[session.actor.role] ?? []) : []).map((item) => ({ to: item.to, label: t(item.label) }))}
        tools={<LanguageSwitch label={t('app.language')} current={i18n.language} languages={LANGUAGES} onChange={(code) => void i18n.changeLanguage(code)} />}
        user={
          session && (
            <p className="portal-user">
              {t('app.signedInAs', { name: session.actor.name ?? session.actor.sub, role: t(`roles.${session.actor.role}`) })}{' '}
              <Button
                variant="tertiary"
                onClick={() => {
                  signOut();
                  queryClient.clear(); // nothing read with the old token stays in memory
                  navigate('/sign-in', { state: { signedOut: true } });
                }}
              >
                {t('app.signOut')}
              </Button>
            </p>
          )
        }
      />
      <main id="main-content" className="container page-container">
        <Outlet />
      </main>
    </>
  );
}

/** Pages that need a signed-in person (of one of these roles) send everyone else to sign in. */
export function RequireRole({ roles }: { roles?: Actor['role'][] }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/sign-in" replace />;
  if (roles && !roles.includes(session.actor.role)) return <Navigate to="/home" replace />;
  return <Outlet />;
}
