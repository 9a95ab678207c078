import type { Schema } from '@kp/client';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/fds';
import { useDates } from '../use-dates';
import { Commands } from './actions/Commands';
import { useDecisions } from './use-decisions';

/** The decisions issued on the case with their reasoning, conditions and appeal guidance, and the permit (dataudtrækstilladelse) they make. */
export function DecisionsView({ kase, steps }: { kase: Schema<'Case'>; steps: readonly Schema<'NextStep'>[] }) {
  const { t, i18n } = useTranslation();
  const { date } = useDates();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const decisions = useDecisions(kase.id);
  const issued = (decisions.data?.decisions ?? []).filter((decision) => decision.current);
  const permits = decisions.data?.permits ?? [];
  if (issued.length === 0 && permits.length === 0) return null;
  const sourceOf = (subCaseId: string) => kase.subCases.find((sub) => sub.id === subCaseId)?.dataSourceName ?? subCaseId;
  return (
    <>
      {permits.map((permit) => (
        <section key={permit.id} aria-labelledby={`permit-${permit.id}`} className="mb-7 permit">
          <h2 id={`permit-${permit.id}`}>
            {t('permit.title', { number: permit.number })} <Badge variant={permit.state === 'active' ? 'success' : 'error'}>{t(`permit.state.${permit.state}`)}</Badge>
          </h2>
          <dl className="case-facts">
            <dt>{t('permit.valid')}</dt>
            <dd>{t('permit.period', { from: date(permit.validFrom), until: date(permit.validUntil) })}</dd>
            <dt>{t('permit.environment')}</dt>
            <dd>{t(`form.options.processingEnvironment.${permit.processingEnvironment}`, { defaultValue: permit.processingEnvironment })}</dd>
            <dt>{t('permit.parts')}</dt>
            <dd>
              <ul>
                {permit.approvedParts.map((part) => (
                  <li key={part.subCaseId}>
                    {sourceOf(part.subCaseId)} — {t(`outcome.${part.outcome}`)}
                  </li>
                ))}
              </ul>
            </dd>
            {(permit.conditions.length > 0 || permit.standardConditions.length > 0) && (
              <>
                <dt>{t('permit.conditions')}</dt>
                <dd>
                  <ul>
                    {permit.standardConditions.map((condition) => (
                      <li key={condition.code}>
                        {condition.text[language]} <span className="form-hint">({condition.legalReference})</span>
                      </li>
                    ))}
                    {permit.conditions.map((condition) => (
                      <li key={condition}>{condition}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          <Commands kase={kase} steps={steps.filter((step) => step.permitId === permit.id)} />
        </section>
      ))}
      {issued.length > 0 && (
        <section aria-labelledby="decisions" className="mb-7">
          <h2 id="decisions">{t('decisions.title')}</h2>
          {issued.map((decision) => (
            <div key={decision.id} className="mb-5">
              <h3 className="h4">
                {sourceOf(decision.subCaseId)}: {t(`outcome.${decision.outcome}`)}
              </h3>
              <p className="form-hint">{t('decisions.issued', { date: date(decision.issuedAt), authority: decision.decidingAuthority })}</p>
              <p>
                <strong>{t('decisions.reasoning')}:</strong> {decision.reasoning}
              </p>
              <p>
                <strong>{t('decisions.legalBasis')}:</strong> {decision.legalBasis}
              </p>
              {decision.conditions.length > 0 && (
                <ul>
                  {decision.conditions.map((condition) => (
                    <li key={condition}>{condition}</li>
                  ))}
                </ul>
              )}
              <p className="form-hint">{decision.appealGuidance[language]}</p>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
