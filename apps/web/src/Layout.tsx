import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useNavigate } from 'react-router';
import { Actor, useSession } from './auth/session';
import { Footer, Header, LanguageSwitch, SkipLink } from './components/fds';
import { LANGUAGES } from './i18n';
import { NAVIGATION } from './pages/home-of';
import { unreadLabel, useUnreadCount } from './pages/notifications/use-unread';

/** Every page: skip link, language switch, the FDS header with the person signed in and the role's menu, the page in <main>, the footer with the accessibility statement. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actor = session?.actor;
  const unread = useUnreadCount();
  return (
    <>
      <SkipLink label={t('app.skip')} />
      <Header
        portal={t('app.portal')}
        title={t('app.title')}
        authority={t('app.authority')}
        navigationLabel={t('app.mainNavigation')}
        mobileMenu={{ open: t('app.menu'), heading: t('app.menu'), close: t('app.closeMenu') }}
        navigation={actor ? [...NAVIGATION[actor.role].map((item) => ({ ...item, label: t(item.label) })), { to: '/notifications', label: unreadLabel(t, unread) }] : []}
        languageSwitch={<LanguageSwitch label={t('app.language')} current={i18n.language} languages={LANGUAGES} onChange={(code) => void i18n.changeLanguage(code)} />}
        user={actor && t('app.signedInAs', { name: actor.name ?? actor.sub, role: t(`roles.${actor.role}`) })}
        signOut={
          actor && {
            label: t('app.signOut'),
            onClick: () => {
              signOut();
              queryClient.clear(); // nothing read with the old token stays in memory
              navigate('/sign-in', { state: { signedOut: true } });
            },
          }
        }
      />
      <main id="main-content" className="container page-container">
        <Outlet />
      </main>
      <Footer label={t('footer.label')} items={[<Link to="/tilgaengelighed">{t('footer.accessibility')}</Link>, <a href="/docs">{t('footer.api')}</a>]} />
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
