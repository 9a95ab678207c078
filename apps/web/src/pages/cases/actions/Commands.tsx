import type { Schema } from '@kp/client';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '../../../api/problem';
import { useApi } from '../../../auth/session';
import { ActionField, ActionForm, lines, optional } from './ActionForm';

type Case = Schema<'Case'>;
type Step = Schema<'NextStep'>;
type Outcome = Schema<'Outcome'>;

export const REGIONS = ['region-hovedstaden', 'region-sjaelland', 'region-syddanmark', 'region-midtjylland', 'region-nordjylland'] as const;
const OUTCOMES: readonly Outcome[] = ['approved', 'approved_with_conditions', 'rejected'];
const LEGAL_MATTER_KINDS = ['data_processing_agreement', 'controller_roles', 'datatilsynet_permission', 'transfer_tool', 'material_transfer_agreement', 'private_company_contract'] as const;

/** A day chosen in a date field as the end of that Danish working day, in ISO 8601. */
const endOfDay = (date: string): string => (date ? new Date(`${date}T15:00:00Z`).toISOString() : '');

/**
 * The buttons for the commands the case lists for you now (its `nextSteps`, case-level or of one
 * sub-case): nothing is offered that the API would refuse for who holds the case, four eyes, the
 * track or the clock. Each sends the case version it was read at as If-Match.
 */
export function Commands({ kase, steps }: { kase: Case; steps: readonly Step[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const path = { id: kase.id };
  const ifMatch = { 'If-Match': `"${kase.version}"` };
  const send = async <T,>(request: Promise<{ data?: T; error?: unknown; response: Response }>) => unwrap(await request);
  const outcomeOptions = OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }));
  const verdictOf = (step: Step) => kase.subCases.find((sub) => sub.id === step.subCaseId)?.screening?.verdict;
  const decisionFields = (step: Step, withLegalBasis: boolean): ActionField[] => [
    { name: 'outcome', label: t('actions.field.outcome'), kind: 'select', options: outcomeOptions, hint: verdictOf(step) && t('actions.field.engineSays', { verdict: t(`verdict.${verdictOf(step)}`) }) },
    ...(withLegalBasis ? [{ name: 'legalBasis', label: t('actions.field.legalBasis'), hint: t('actions.field.legalBasisHint') }] : []),
    { name: 'reasoning', label: t('actions.field.reasoning'), kind: 'textarea', hint: t('actions.field.reasoningHint') },
    { name: 'conditions', label: t('actions.field.conditions'), kind: 'textarea', hint: t('actions.field.conditionsHint') },
    { name: 'departureReason', label: t('actions.field.departureReason'), kind: 'textarea', hint: t('actions.field.departureReasonHint') },
  ];
  const decisionBody = (v: Record<string, string>) => ({
    outcome: v.outcome as Outcome,
    legalBasis: v.legalBasis,
    reasoning: v.reasoning,
    conditions: lines(v.conditions),
    departureReason: optional(v.departureReason),
  });

  const render = (step: Step) => {
    const label = t(`actions.command.${step.command}`);
    const done = t(`actions.done.${step.command}`);
    const common = { label, done };
    const subCaseId = step.subCaseId ?? '';
    switch (step.command) {
      case 'claim':
        return <ActionForm {...common} variant="primary" run={() => send(api.POST('/v1/cases/{id}/claim', { params: { path }, headers: ifMatch }))} />;
      case 'release':
        return <ActionForm {...common} run={() => send(api.POST('/v1/cases/{id}/release', { params: { path }, headers: ifMatch }))} />;
      case 'request_rescreen':
        return <ActionForm {...common} run={() => send(api.POST('/v1/cases/{id}/rescreen', { params: { path }, headers: ifMatch }))} />;
      case 'assign':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'assignee', label: t('actions.field.assignee'), hint: t('actions.field.assigneeHint') }]}
            run={(v) => send(api.POST('/v1/cases/{id}/assign', { params: { path }, headers: ifMatch, body: { assignee: v.assignee } }))}
          />
        );
      case 'consult':
        return (
          <ActionForm
            {...common}
            fields={[
              { name: 'advisorRegion', label: t('actions.field.advisorRegion'), kind: 'select', options: REGIONS.map((value) => ({ value, label: t(`regions.${value}`) })), initial: kase.subCases.find((sub) => sub.id === step.subCaseId)?.advisorRegion ?? undefined },
              { name: 'question', label: t('actions.field.question'), kind: 'textarea' },
              { name: 'deadline', label: t('actions.field.deadline'), kind: 'date', hint: t('actions.field.deadlineHint') },
            ]}
            run={(v) =>
              send(
                api.POST('/v1/cases/{id}/consultations', {
                  params: { path },
                  headers: ifMatch,
                  body: { advisorRegion: v.advisorRegion, question: v.question, deadline: endOfDay(v.deadline), ...(step.subCaseId ? { subCaseId: step.subCaseId } : {}) },
                }),
              )
            }
          />
        );
      case 'request_supplement':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'questions', label: t('actions.field.questions'), kind: 'textarea', hint: t('actions.field.questionsHint') }]}
            run={(v) => send(api.POST('/v1/cases/{id}/supplement-requests', { params: { path }, headers: ifMatch, body: { questions: lines(v.questions), ...(step.subCaseId ? { subCaseId: step.subCaseId } : {}) } }))}
          />
        );
      case 'add_note':
        return (
          <ActionForm
            {...common}
            fields={[
              { name: 'text', label: t('actions.field.note'), kind: 'textarea' },
              { name: 'visibility', label: t('actions.field.visibility'), kind: 'select', initial: 'internal', options: (['internal', 'applicant'] as const).map((value) => ({ value, label: t(`notes.visibility.${value}`) })) },
            ]}
            run={(v) => send(api.POST('/v1/cases/{id}/notes', { params: { path }, headers: ifMatch, body: { text: v.text, visibility: v.visibility as 'internal' | 'applicant' } }))}
          />
        );
      case 'extend_clock':
        return (
          <ActionForm
            {...common}
            fields={[
              { name: 'months', label: t('actions.field.months'), kind: 'select', options: ['1', '2', '3'].map((value) => ({ value, label: value })) },
              { name: 'reason', label: t('actions.field.reason'), kind: 'textarea', hint: t('actions.field.extendReasonHint') },
            ]}
            run={(v) => send(api.POST('/v1/cases/{id}/clock/extensions', { params: { path }, headers: ifMatch, body: { months: Number(v.months), reason: optional(v.reason) } }))}
          />
        );
      case 'open_legal_matter':
        return (
          <ActionForm
            {...common}
            fields={[
              { name: 'kind', label: t('actions.field.kind'), kind: 'select', options: LEGAL_MATTER_KINDS.map((value) => ({ value, label: t(`legalMatters.kind.${value}`) })) },
              { name: 'description.da', label: t('actions.field.descriptionDa'), kind: 'textarea' },
              { name: 'description.en', label: t('actions.field.descriptionEn'), kind: 'textarea' },
              { name: 'legalReference', label: t('actions.field.legalReference') },
            ]}
            run={(v) =>
              send(
                api.POST('/v1/cases/{id}/legal-matters', {
                  params: { path },
                  headers: ifMatch,
                  body: { subCaseId, kind: v.kind as (typeof LEGAL_MATTER_KINDS)[number], description: { da: v['description.da'], en: v['description.en'] }, legalReference: optional(v.legalReference), blocking: true },
                }),
              )
            }
          />
        );
      case 'resolve_legal_matter':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'documentReference', label: t('actions.field.documentReference'), hint: t('actions.field.documentReferenceHint') }]}
            run={(v) => send(api.POST('/v1/cases/{id}/legal-matters/{matterId}/resolve', { params: { path: { id: kase.id, matterId: step.legalMatterId ?? '' } }, headers: ifMatch, body: { documentReference: v.documentReference } }))}
          />
        );
      case 'answer_consultation':
        return (
          <ActionForm
            {...common}
            variant="primary"
            fields={[{ name: 'answer', label: t('actions.field.answer'), kind: 'textarea' }]}
            run={(v) => send(api.POST('/v1/consultations/{id}/answer', { params: { path: { id: step.consultationId ?? '' } }, body: { answer: v.answer } }))}
          />
        );
      case 'draft_decision':
        return (
          <ActionForm
            {...common}
            variant="primary"
            fields={[...decisionFields(step, true), { name: 'hearingDispensedReason', label: t('actions.field.hearingDispensedReason'), kind: 'textarea', hint: t('actions.field.hearingDispensedReasonHint') }]}
            run={(v) =>
              send(
                api.POST('/v1/cases/{id}/sub-cases/{subCaseId}/decision-drafts', {
                  params: { path: { id: kase.id, subCaseId } },
                  headers: ifMatch,
                  body: { ...decisionBody(v), hearingDispensedReason: optional(v.hearingDispensedReason) },
                }),
              )
            }
          />
        );
      case 'recommend':
        return (
          <ActionForm
            {...common}
            variant="primary"
            fields={decisionFields(step, false)}
            run={(v) => {
              const { legalBasis: _legalBasis, ...recommendation } = decisionBody(v);
              return send(api.POST('/v1/cases/{id}/sub-cases/{subCaseId}/recommendations', { params: { path: { id: kase.id, subCaseId } }, headers: ifMatch, body: recommendation }));
            }}
          />
        );
      case 'controller_decide':
        return (
          <ActionForm
            {...common}
            variant="primary"
            fields={decisionFields(step, true)}
            run={(v) => send(api.POST('/v1/cases/{id}/sub-cases/{subCaseId}/controller-decision', { params: { path: { id: kase.id, subCaseId } }, headers: ifMatch, body: decisionBody(v) }))}
          />
        );
      case 'issue_decision':
        return <ActionForm {...common} variant="primary" run={() => send(api.POST('/v1/decision-drafts/{id}/issue', { params: { path: { id: step.draftId ?? '' } }, headers: ifMatch }))} />;
      case 'return_draft':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'reason', label: t('actions.field.returnReason'), kind: 'textarea' }]}
            run={(v) => send(api.POST('/v1/decision-drafts/{id}/return', { params: { path: { id: step.draftId ?? '' } }, headers: ifMatch, body: { reason: v.reason } }))}
          />
        );
      case 'hear_party':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'draftGrounds', label: t('actions.field.draftGrounds'), kind: 'textarea', hint: t('actions.field.draftGroundsHint') }]}
            run={(v) => send(api.POST('/v1/cases/{id}/sub-cases/{subCaseId}/hearings', { params: { path: { id: kase.id, subCaseId } }, headers: ifMatch, body: { draftGrounds: v.draftGrounds } }))}
          />
        );
      case 'answer_hearing':
        return (
          <ActionForm
            {...common}
            variant="primary"
            fields={[{ name: 'answer', label: t('actions.field.hearingAnswer'), kind: 'textarea' }]}
            run={(v) => send(api.POST('/v1/hearings/{id}/answer', { params: { path: { id: step.hearingId ?? '' } }, headers: ifMatch, body: { answer: v.answer } }))}
          />
        );
      case 'revoke_permit':
        return (
          <ActionForm
            {...common}
            fields={[
              { name: 'reason', label: t('actions.field.reason'), kind: 'textarea' },
              { name: 'urgencyReason', label: t('actions.field.urgencyReason'), kind: 'textarea', hint: t('actions.field.urgencyReasonHint') },
            ]}
            run={(v) => send(api.POST('/v1/permits/{id}/revoke', { params: { path: { id: step.permitId ?? '' } }, headers: ifMatch, body: { reason: v.reason, urgencyReason: optional(v.urgencyReason) } }))}
          />
        );
      case 'forward_appeal':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'statement', label: t('actions.field.appealStatement'), kind: 'textarea', hint: t('actions.field.appealStatementHint') }]}
            run={(v) => send(api.POST('/v1/appeals/{id}/forward', { params: { path: { id: step.appealId ?? '' } }, headers: ifMatch, body: { statement: v.statement } }))}
          />
        );
      case 'controller_maintain':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'statement', label: t('actions.field.appealStatement'), kind: 'textarea', hint: t('actions.field.controllerStatementHint') }]}
            run={(v) => send(api.POST('/v1/appeals/{id}/controller-maintains', { params: { path: { id: step.appealId ?? '' } }, headers: ifMatch, body: { statement: v.statement } }))}
          />
        );
      case 'decide_reopening':
        return (
          <ActionForm
            {...common}
            fields={[
              { name: 'reopen', label: t('actions.field.reopen'), kind: 'select', options: [{ value: 'true', label: t('actions.field.reopenYes') }, { value: 'false', label: t('actions.field.reopenNo') }] },
              { name: 'reasons', label: t('actions.field.reopeningReasons'), kind: 'textarea' },
            ]}
            run={(v) => send(api.POST('/v1/reopening-requests/{id}/decision', { params: { path: { id: step.reopeningRequestId ?? '' } }, headers: ifMatch, body: { reopen: v.reopen === 'true', reasons: v.reasons } }))}
          />
        );
      case 'hear_permit_holder':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'grounds', label: t('actions.field.revocationGrounds'), kind: 'textarea', hint: t('actions.field.revocationGroundsHint') }]}
            run={(v) => send(api.POST('/v1/permits/{id}/hearings', { params: { path: { id: step.permitId ?? '' } }, headers: ifMatch, body: { grounds: v.grounds } }))}
          />
        );
      case 'withdraw':
        return (
          <ActionForm
            {...common}
            fields={[{ name: 'reason', label: t('actions.field.withdrawReason'), kind: 'textarea' }]}
            run={(v) => send(api.POST('/v1/applications/{id}/withdraw', { params: { path: { id: kase.applicationId } }, headers: ifMatch, body: { reason: optional(v.reason) } }))}
          />
        );
      case 'edit_draft':
        return (
          <p>
            <Link to={`/applications/${kase.applicationId}`}>{label}</Link>
          </p>
        );
      default:
        // resubmit has its own form beside the questions; check, screen, lapse and read_case are no buttons.
        return null;
    }
  };
  const shown = steps
    .map((step, index) => ({ element: render(step), key: `${step.command}-${step.subCaseId ?? ''}-${step.draftId ?? step.consultationId ?? step.legalMatterId ?? step.permitId ?? step.hearingId ?? step.appealId ?? step.reopeningRequestId ?? index}` }))
    .filter(({ element }) => element !== null)
    .map(({ element, key }) => <Fragment key={key}>{element}</Fragment>);
  return shown.length > 0 ? <div className="commands">{shown}</div> : null;
}
