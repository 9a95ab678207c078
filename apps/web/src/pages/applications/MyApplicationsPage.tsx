import type { Schema } from '@kp/client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Alert, Badge, Button, PageHeading, Table } from '../../components/fds';
import { ClockView } from '../cases/ClockView';
import { Loading } from '../Loading';

/** The researcher's applications, drafts and submitted alike, with the case each opened: its status, the statutory clock and what it asks of you. */
export function MyApplicationsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const submitted = (useLocation().state as { submitted?: string } | null)?.submitted;
  const applications = useQuery({ queryKey: ['applications'], queryFn: async () => unwrap(await api.GET('/v1/applications', { params: { query: { limit: 50 } } })) });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/applications', { body: {} })),
    onSuccess: (draft) => navigate(`/applications/${draft.id}`),
  });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageHeading>{t('applications.title')}</PageHeading>
      {submitted && <Alert variant="success" live heading={t('applications.submitted', { number: submitted })} />}
      <p>
        <Button onClick={() => create.mutate()} disabled={create.isPending}>
          {t('applications.new')}
        </Button>
      </p>
      {create.isError && <Alert variant="error" live>{create.error.message}</Alert>}
      <Loading query={applications}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('applications.empty')}</p>
          ) : (
            <Table caption={t('applications.caption')} head={[t('applications.columns.title'), t('applications.columns.status'), t('applications.columns.case'), t('applications.columns.clock'), t('applications.columns.updated')]}>
              {page.items.map((application) => (
                <tr key={application.id}>
                  <td>
                    {/* A member of the team reads what was shared with them; only the applicant opens the draft to change it. */}
                    {application.status === 'draft' && application.myRole === 'applicant' ? (
                      <Link to={`/applications/${application.id}`}>{application.content.title ?? t('applications.untitled')}</Link>
                    ) : (
                      (application.content.title ?? t('applications.untitled'))
                    )}
                    {application.myRole && application.myRole !== 'applicant' && (
                      <>
                        {' '}
                        <Badge>{t(`applications.sharedWithYou.${application.myRole}`)}</Badge>
                      </>
                    )}
                  </td>
                  <td>
                    <Badge variant={application.status === 'draft' ? undefined : 'info'}>{t(`states.${application.status}`)}</Badge>
                  </td>
                  <td>{application.case ? <Link to={`/cases/${application.case.id}`}>{application.case.number}</Link> : '—'}</td>
                  <td>{application.case ? <CaseClock caseRef={application.case} /> : '—'}</td>
                  <td>{date.format(new Date(application.updatedAt))}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </>
  );
}

/** The case's clock and whether it waits for you, read from the case itself (one request per submitted application). */
function CaseClock({ caseRef }: { caseRef: Schema<'ApplicationCaseRef'> }) {
  const { t } = useTranslation();
  const api = useApi();
  const found = useQuery({ queryKey: ['case', caseRef.id], queryFn: async () => unwrap(await api.GET('/v1/cases/{id}', { params: { path: { id: caseRef.id } } })) });
  if (!found.data) return <>…</>;
  const kase = found.data;
  const asksYou = kase.nextSteps.some((step) => step.command === 'resubmit');
  return (
    <>
      {kase.clock ? <ClockView clock={kase.clock} forApplicant /> : '—'}
      {asksYou && (
        <Link className="d-block" to={`/cases/${kase.id}`}>
          {t('applications.answerSupplement')}
        </Link>
      )}
    </>
  );
}
