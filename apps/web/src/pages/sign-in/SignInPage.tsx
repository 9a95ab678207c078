import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { devPersonas, devSignIn } from '../../auth/dev-sign-in';
import { useSession } from '../../auth/session';
import { Alert, Button, PageHeading } from '../../components/fds';
import { Loading } from '../Loading';
import { homeOf } from '../home-of';

/** Development sign-in: one button per person and role, while the API's local issuer is active. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const signedOut = (useLocation().state as { signedOut?: boolean } | null)?.signedOut;
  const personas = useQuery({ queryKey: ['dev-personas'], queryFn: devPersonas });
  const choose = useMutation({
    mutationFn: devSignIn,
    onSuccess: (session) => {
      signIn(session);
      navigate(homeOf(session.actor.role), { replace: true });
    },
  });
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {signedOut && <Alert variant="info" live heading={t('signIn.signedOut')} />}
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
    </>
  );
}
