import type { Schema } from '@kp/client';
import { useTranslation } from 'react-i18next';
import { Badge, Table } from '../../components/fds';
import { Commands } from './actions/Commands';
import { isObjectStep } from './CasePage';
import { WaitingForList } from './ClockView';
import { useDecisions } from './use-decisions';

const SEVERITY_BADGE = { blocking: 'error', warning: 'warning', info: 'info' } as const;

/** One data request's part of the case: track, deciding authority, the rules' verdict and findings with the law they cite, and its commands. */
export function SubCaseView({ kase, sub, forApplicant }: { kase: Schema<'Case'>; sub: Schema<'SubCase'>; forApplicant: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const decisions = useDecisions(kase.id);
  const drafts = (decisions.data?.drafts ?? []).filter((draft) => draft.subCaseId === sub.id && draft.state === 'pending');
  const recommendations = (decisions.data?.recommendations ?? []).filter((recommendation) => recommendation.subCaseId === sub.id);
  const draftSteps = (draftId: string) => sub.nextSteps.filter((step) => step.draftId === draftId);
  return (
    <section aria-labelledby={`sub-${sub.id}`} className="mb-7 sub-case">
      <h3 id={`sub-${sub.id}`}>
        {sub.dataSourceName} <Badge variant="info">{t(`case.track.${sub.track}`)}</Badge> <Badge>{t(`states.${sub.state}`)}</Badge>
      </h3>
      <dl className="case-facts">
        <dt>{t('case.decidingAuthority')}</dt>
        <dd>{sub.decidingAuthority}</dd>
        <dt>{t('case.controller')}</dt>
        <dd>{sub.controller.name}</dd>
        {sub.state !== 'decided' && sub.state !== 'withdrawn' && (
          <>
            <dt>{t('case.waitingFor')}</dt>
            <dd>
              <WaitingForList waiting={sub.waitingFor} forApplicant={forApplicant} />
            </dd>
          </>
        )}
      </dl>
      {!sub.screening ? (
        <p>{t('case.screeningPending')}</p>
      ) : (
        <>
          <p>
            <strong>{t('case.verdict')}:</strong> {t('verdict.' + sub.screening.verdict)} <span className="form-hint">{t('case.lawDate', { date: sub.screening.lawDate })}</span>
          </p>
          <Table caption={t('case.findingsCaption', { source: sub.dataSourceName })} head={[t('case.columns.severity'), t('case.columns.message'), t('case.columns.law')]}>
            {sub.screening.findings.map((finding) => (
              <tr key={finding.code}>
                <td>
                  <Badge variant={SEVERITY_BADGE[finding.severity]}>{t(`severity.${finding.severity}`)}</Badge>
                </td>
                <td>{finding.message[language]}</td>
                <td>{finding.legalReference}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
      {recommendations.map((recommendation) => (
        <ProposalView key={recommendation.id} heading={t('decisions.recommendation')} proposal={recommendation} />
      ))}
      {drafts.map((draft) => (
        <div key={draft.id}>
          <ProposalView heading={t('decisions.draft', { by: draft.draftedBy })} proposal={draft} />
          <Commands kase={kase} steps={draftSteps(draft.id)} />
        </div>
      ))}
      <Commands kase={kase} steps={sub.nextSteps.filter((step) => !isObjectStep(step))} />
    </section>
  );
}

type Proposal = Pick<Schema<'DecisionDraft'>, 'outcome' | 'reasoning' | 'conditions' | 'engineVerdict' | 'departsFromEngine' | 'departureReason'> & { legalBasis?: string };

/** A draft decision or a recommendation beside the engine's verdict, its departure from it said out loud. */
function ProposalView({ heading, proposal }: { heading: string; proposal: Proposal }) {
  const { t } = useTranslation();
  return (
    <div className="proposal">
      <h4>{heading}</h4>
      <dl className="case-facts">
        <dt>{t('decisions.outcome')}</dt>
        <dd>{t(`outcome.${proposal.outcome}`)}</dd>
        {proposal.legalBasis && (
          <>
            <dt>{t('decisions.legalBasis')}</dt>
            <dd>{proposal.legalBasis}</dd>
          </>
        )}
        <dt>{t('decisions.reasoning')}</dt>
        <dd>{proposal.reasoning}</dd>
        {proposal.conditions.length > 0 && (
          <>
            <dt>{t('decisions.conditions')}</dt>
            <dd>
              <ul>
                {proposal.conditions.map((condition) => (
                  <li key={condition}>{condition}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('decisions.engine')}</dt>
        <dd>
          {proposal.engineVerdict ? t(`verdict.${proposal.engineVerdict}`) : '—'}{' '}
          {proposal.departsFromEngine && <Badge variant="warning">{t('decisions.departs')}</Badge>}
          {proposal.departureReason && <span className="d-block">{proposal.departureReason}</span>}
        </dd>
      </dl>
    </div>
  );
}

