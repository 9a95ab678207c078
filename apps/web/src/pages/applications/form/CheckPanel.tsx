import type { Schema } from '@kp/client';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, fieldId } from '../../../components/fds';

const VERDICT_BADGE = { approve: 'success', deny: 'error', abstain: 'warning' } as const;

/** The live `POST …/check`: what is missing or wrong (each a link to its field), and each source's findings with their law. */
export function CheckPanel({ report, pending }: { report?: Schema<'CheckReport'>; pending: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  return (
    <aside aria-labelledby="check-title" aria-busy={pending}>
      <h2 id="check-title" className="h3">
        {t('form.check.title')}
      </h2>
      <div aria-live="polite">
        {!report ? (
          <p>{t('form.check.pending')}</p>
        ) : (
          <Alert variant={report.readyToSubmit ? 'success' : 'warning'} heading={report.readyToSubmit ? t('form.check.ready') : t('form.check.notReady')} />
        )}
      </div>
      {report && [...report.missing, ...report.invalid].length > 0 && (
        <>
          <h3 className="h5">{report.missing.length > 0 ? t('form.check.missing') : t('form.check.invalid')}</h3>
          <ul className="nobullet-list" data-testid="check-problems">
            {[...report.missing, ...report.invalid].map((problem) => (
              <li key={problem.field}>
                <a className="function-link" href={`#${fieldId(problem.field)}`}>
                  {problem.messages.join(' ')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {report && report.dataRequests.length > 0 && (
        <>
          <h3 className="h5">{t('form.check.perSource')}</h3>
          {report.dataRequests.map((request) => (
            <section key={request.dataSourceId} aria-label={request.dataSourceId} className="mb-5">
              <p className="mb-2">
                <strong>{request.dataSourceId}</strong>{' '}
                {request.verdict && <Badge variant={VERDICT_BADGE[request.verdict]}>{t(`verdict.${request.verdict}`)}</Badge>}
              </p>
              {request.findings.length === 0 ? (
                <p>{t('form.check.noFindings')}</p>
              ) : (
                <ul>
                  {request.findings.map((finding) => (
                    <li key={finding.code}>
                      {finding.message[language]} <span className="form-hint">({finding.legalReference})</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          <p className="form-hint">{t('form.check.advice')}</p>
        </>
      )}
    </aside>
  );
}
