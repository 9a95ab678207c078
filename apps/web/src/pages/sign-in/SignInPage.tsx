import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { devPersonas, devSignIn } from '../../auth/dev-sign-in';
import { startOidcSignIn } from '../../auth/oidc';
import { useSession } from '../../auth/session';
import { OidcClientSettings, oidcClientOf, signInMethod } from '../../auth/sign-in-method';
import { Alert, Button, PageHeading } from '../../components/fds';
import { Loading } from '../Loading';
import { homeOf } from '../home-of';

/**
 * Sign-in as the API says it happens (GET /v1/sign-in-method): at the OIDC provider with PKCE, or in
 * development one button per person and role while the API's local issuer is active.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const signedOut = (useLocation().state as { signedOut?: boolean } | null)?.signedOut;
  const method = useQuery({ queryKey: ['sign-in-method'], queryFn: signInMethod, staleTime: Infinity });
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {signedOut && <Alert variant="info" live heading={t('signIn.signedOut')} />}
      <Loading query={method}>
        {(answer) => {
          if (answer.method === 'local') return <DevSignIn />;
          const client = oidcClientOf(answer);
          return client ? <OidcSignIn client={client} /> : <Alert variant="info">{t('signIn.oidc')}</Alert>;
        }}
      </Loading>
    </>
  );
}

/** One button to the provider; the browser comes back to /sign-in/callback with a code. */
function OidcSignIn({ client }: { client: OidcClientSettings }) {
  const { t } = useTranslation();
  const start = useMutation({ mutationFn: () => startOidcSignIn(client) });
  return (
    <>
      <p>{t('signIn.oidcIntro')}</p>
      <Button onClick={() => start.mutate()} disabled={start.isPending}>
        {t('signIn.withProvider')}
      </Button>
      {start.isError && <Alert variant="error" live>{start.error.message}</Alert>}
    </>
  );
}

/** Development sign-in: one button per person and role. */
function DevSignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const personas = useQuery({ queryKey: ['dev-personas'], queryFn: devPersonas });
  const choose = useMutation({
    mutationFn: devSignIn,
    onSuccess: (session) => {
      signIn(session);
      navigate(homeOf(session.actor.role), { replace: true });
    },
  });
  return (
    <Loading query={personas}>
        {(list) =>
          list === null ? (
            <Alert variant="info">{t('signIn.oidc')}</Alert>
          ) : (
            <>
              <p>{t('signIn.devIntro')}</p>
              <ul className="nobullet-list">
                {list.map((persona) => (
                  <li key={persona.sub} className="mb-4">
                    <Button variant="secondary" onClick={() => choose.mutate(persona.sub)} disabled={choose.isPending}>
                      {t('signIn.as', { name: persona.name })}
                    </Button>{' '}
                    {t(`roles.${persona.role}`)}
                  </li>
                ))}
              </ul>
              {choose.isError && <Alert variant="error" live>{choose.error.message}</Alert>}
            </>
          )
        }
    </Loading>
  );
}
