import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi, useSession } from '../../auth/session';
import { Badge, PageHeading, Table } from '../../components/fds';
import { Loading } from '../Loading';
import { useDates } from '../use-dates';
import { CommandStatusMessage, CommandStatusProvider } from './actions/command-status';
import { Commands } from './actions/Commands';
import { ResubmitForm } from './actions/ResubmitForm';
import { ClockView, WaitingForList } from './ClockView';
import { DecisionsView } from './DecisionsView';
import { SubCaseView } from './SubCaseView';
import { TimelineView } from './TimelineView';

type Case = Schema<'Case'>;
type Step = Schema<'NextStep'>;

/** Steps about one object (a consultation, legal matter, draft or permit) are shown beside it, not with the part's buttons. */
export const isObjectStep = (step: Step) => Boolean(step.consultationId || step.legalMatterId || step.draftId || step.permitId);

/**
 * A case as the signed-in person may see it — the applicant, staff, an advisor or a controller get
 * the same page with what the API gives each of them: the state, the statutory clock, whom it waits
 * on, each sub-case with its track, findings and law, and every command the case lists for them now.
 */
export function CasePage() {
  const { id } = useParams<{ id: string }>();
  const api = useApi();
  const found = useQuery({ queryKey: ['case', id], queryFn: async () => unwrap(await api.GET('/v1/cases/{id}', { params: { path: { id: id! } } })) });
  return (
    <CommandStatusProvider>
      <Loading query={found}>{(kase) => <CaseView kase={kase} />}</Loading>
    </CommandStatusProvider>
  );
}

function CaseView({ kase }: { kase: Case }) {
  const { t, i18n } = useTranslation();
  const { date } = useDates();
  const { session } = useSession();
  const role = session?.actor.role;
  const forApplicant = role === 'researcher';
  const language = i18n.language === 'en' ? 'en' : 'da';
  const allSteps = [...kase.nextSteps, ...kase.subCases.flatMap((sub) => sub.nextSteps)];
  const stepsFor = (match: (step: Step) => boolean) => allSteps.filter(match);
  const consultations = kase.consultations ?? [];
  const supplements = kase.supplementRequests ?? [];
  const resubmit = kase.nextSteps.find((step) => step.command === 'resubmit');
  return (
    <>
      <PageHeading>{t('case.title', { number: kase.number })}</PageHeading>
      {kase.title && <p className="font-lead">{kase.title}</p>}
      <dl className="case-facts">
        <dt>{t('case.state')}</dt>
        <dd>
          <Badge variant="info">{t(`states.${kase.state}`)}</Badge>
        </dd>
        <dt>{t('case.applicant')}</dt>
        <dd>{[kase.applicant.organisation, kase.applicant.cvr].filter(Boolean).join(', ')}</dd>
        <dt>{t('case.submitted')}</dt>
        <dd>{date(kase.submittedAt)}</dd>
        {kase.assignee !== undefined && (
          <>
            <dt>{t('case.assignee')}</dt>
            <dd>{kase.assignee ?? t('queues.unassigned')}</dd>
          </>
        )}
        {kase.clock && (
          <>
            <dt>{t('case.clock')}</dt>
            <dd>
              <ClockView clock={kase.clock} forApplicant={forApplicant} />
            </dd>
          </>
        )}
        <dt>{t('case.waitingFor')}</dt>
        <dd>
          <WaitingForList waiting={kase.waitingFor} forApplicant={forApplicant} />
        </dd>
      </dl>
      <CommandStatusMessage />
      <Commands kase={kase} steps={kase.nextSteps.filter((step) => !isObjectStep(step))} />

      {supplements.length > 0 && (
        <section aria-labelledby="supplements" className="mb-7">
          <h2 id="supplements">{t('supplements.title')}</h2>
          {supplements.map((request) => (
            <div key={request.id} className="mb-5">
              <p className="form-hint">
                {t('supplements.requested', { date: date(request.requestedAt) })}
                {request.answerDueAt && ` — ${t('supplements.due', { date: date(request.answerDueAt) })}`}
              </p>
              {resubmit ? (
                <ResubmitForm kase={kase} questions={request.questions} />
              ) : (
                <ol>
                  {request.questions.map((question) => (
                    <li key={question}>{question}</li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </section>
      )}

      {/* Once decided, what the applicant came for comes first: the permit and the decisions. */}
      {kase.state === 'decided' && <DecisionsView kase={kase} steps={stepsFor((step) => Boolean(step.permitId))} />}

      <h2>{t('case.subCases')}</h2>
      {kase.subCases.map((sub) => (
        <SubCaseView key={sub.id} kase={kase} sub={sub} forApplicant={forApplicant} />
      ))}

      {consultations.length > 0 && (
        <section aria-labelledby="consultations" className="mb-7">
          <h2 id="consultations">{t('consultations.title')}</h2>
          {consultations.map((consultation) => (
            <div key={consultation.id} className="mb-5">
              <h3 className="h4">
                {t(`regions.${consultation.advisorRegion}`)} <Badge variant={consultation.state === 'open' ? 'warning' : 'success'}>{t(`consultations.state.${consultation.state}`)}</Badge>
              </h3>
              <p>
                <strong>{t('consultations.question')}:</strong> {consultation.questionText[language]}
              </p>
              {consultation.deadline && <p className="form-hint">{t('consultations.deadline', { date: date(consultation.deadline) })}</p>}
              {consultation.answer && (
                <p>
                  <strong>{t('consultations.answer')}:</strong> {consultation.answer}
                </p>
              )}
              <Commands kase={kase} steps={stepsFor((step) => step.consultationId === consultation.id)} />
            </div>
          ))}
        </section>
      )}

      {kase.legalMatters.length > 0 && (
        <section aria-labelledby="legal-matters" className="mb-7">
          <h2 id="legal-matters">{t('legalMatters.title')}</h2>
          {kase.legalMatters.map((matter) => (
            <div key={matter.id} className="mb-5">
              <p>
                <Badge variant={matter.state === 'open' ? (matter.blocking ? 'error' : 'warning') : 'success'}>{t(`legalMatters.state.${matter.state}`)}</Badge> {matter.description[language]}
                {matter.legalReference && <span className="form-hint"> ({matter.legalReference})</span>}
                {matter.documentReference && <span className="d-block">{t('legalMatters.document', { reference: matter.documentReference })}</span>}
              </p>
              <Commands kase={kase} steps={stepsFor((step) => step.legalMatterId === matter.id)} />
            </div>
          ))}
        </section>
      )}

      {kase.state !== 'decided' && <DecisionsView kase={kase} steps={stepsFor((step) => Boolean(step.permitId))} />}
      {role !== 'advisor' && <NotesView caseId={kase.id} />}
      <TimelineView kase={kase} staff={role === 'caseworker' || role === 'legal_approver'} />
      <DeliveryOrders caseId={kase.id} />
    </>
  );
}

function NotesView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const api = useApi();
  const notes = useQuery({ queryKey: ['notes', caseId], queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/notes', { params: { path: { id: caseId } } })) });
  if (!notes.data || notes.data.items.length === 0) return null;
  return (
    <section aria-labelledby="notes" className="mb-7">
      <h2 id="notes">{t('notes.title')}</h2>
      <Table caption={t('notes.caption')} head={[t('notes.columns.at'), t('notes.columns.author'), t('notes.columns.visibility'), t('notes.columns.text')]}>
        {notes.data.items.map((note) => (
          <tr key={note.id}>
            <td>{dateTime(note.createdAt)}</td>
            <td>{note.author.sub ?? t(`roles.${note.author.role}`)}</td>
            <td>{t(`notes.visibility.${note.visibility}`)}</td>
            <td>{note.text}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** Where the delivery of each holder's data stands after the permit, and whether it is overdue; nothing before a permit. */
function DeliveryOrders({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { date } = useDates();
  const orders = useQuery({ queryKey: ['case', caseId, 'delivery-orders'], queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/delivery-orders', { params: { path: { id: caseId } } })) });
  const items = orders.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="delivery-orders">
      <h2 id="delivery-orders">{t('case.deliveryOrders')}</h2>
      <Table caption={t('case.deliveryCaption')} head={[t('case.deliveryColumns.holder'), t('case.deliveryColumns.kind'), t('case.deliveryColumns.status'), t('case.deliveryColumns.due')]}>
        {items.map((order) => (
          <tr key={order.id}>
            <td>{order.holder.name}</td>
            <td>{t(`case.orderKinds.${order.kind}`)}</td>
            <td>
              {t(`case.orderStatuses.${order.status}`)} {order.overdue && <Badge variant="warning">{t('case.overdue')}</Badge>}
            </td>
            <td>{date(order.dueAt)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
