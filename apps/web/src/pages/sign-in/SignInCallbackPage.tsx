import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actorOf } from '../../auth/me';
import { completeOidcSignIn } from '../../auth/oidc';
import { useSession } from '../../auth/session';
import { oidcClientOf, signInMethod } from '../../auth/sign-in-method';
import { Alert, PageHeading } from '../../components/fds';
import { homeOf } from '../home-of';

/**
 * Where the provider sends the browser back: the code is exchanged for tokens (kept in memory), the
 * API says who they belong to, and the page's address is replaced so the code leaves the history.
 * One query per address, so React's double effects in development exchange the code once.
 */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const { signIn, renew, signOut } = useSession();
  const navigate = useNavigate();
  const completed = useQuery({
    queryKey: ['oidc-callback', window.location.href],
    queryFn: async () => {
      const client = oidcClientOf(await signInMethod());
      if (!client) throw new Error(t('signIn.oidc'));
      const token = await completeOidcSignIn(client, renew, signOut);
      return token ? { token, actor: await actorOf(token) } : null;
    },
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  useEffect(() => {
    if (!completed.data) return;
    signIn(completed.data);
    navigate(homeOf(completed.data.actor.role), { replace: true });
  }, [completed.data, signIn, navigate]);
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {completed.isError ? (
        <Alert variant="error" live heading={t('signIn.failed')}>
          {completed.error.message}
        </Alert>
      ) : (
        <p role="status">{t('signIn.completing')}</p>
      )}
    </>
  );
}
