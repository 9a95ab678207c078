import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem, unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Alert, Badge, Button, PageHeading, Spinner, Table, TextField } from '../../components/fds';
import { useDates } from '../use-dates';

/** A hash shortened for the table; the full one is in its title and in the verification. */
const short = (hash?: string) => (hash ? `${hash.slice(0, 12)}…` : '—');

/** The decision an event issued or corrected: its payload names it (the event's subject is the sub-case). */
export function decisionOf(entry: Schema<'TimelineEntryDto'>): string | undefined {
  if (entry.action !== 'decision.issued' && entry.action !== 'decision.corrected') return undefined;
  const id = (entry.payload as Record<string, unknown> | undefined)?.decisionId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The auditor's page (issue 12): verify the audit trail's hash chain against the signed
 * checkpoints, read one case's audit timeline with hashes (every event, not only what the case page
 * shows), and a decision's explanation — the facts, rule-set versions and the replay that shows the
 * engine still reaches the same verdict (GDPR art. 5(2) accountability; forvaltningsloven § 22 on
 * reasons). The case and decision chosen live in the URL, so a finding can be linked to.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const caseRef = params.get('case') ?? '';
  const decisionId = params.get('decision');
  const [typed, setTyped] = useState(caseRef);
  const show = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { case: typed.trim() } : {});
  };
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <ChainVerification />
      <section aria-labelledby="case-audit" className="mb-7">
        <h2 id="case-audit">{t('audit.caseTitle')}</h2>
        <form onSubmit={show}>
          <TextField id="audit-case" label={t('audit.caseLabel')} hint={t('audit.caseHint')} value={typed} onChange={setTyped} width="m" />
          <Button type="submit" variant="secondary">{t('audit.show')}</Button>
        </form>
        {caseRef && <CaseAudit caseRef={caseRef} onExplain={(id) => setParams({ case: caseRef, decision: id })} />}
      </section>
      {decisionId && <Explanation decisionId={decisionId} />}
    </>
  );
}

function ChainVerification() {
  const { t } = useTranslation();
  const api = useApi();
  const verify = useQuery({ queryKey: ['audit-verify'], enabled: false, retry: false, queryFn: async () => unwrap(await api.GET('/v1/audit/verify')) });
  const result = verify.data;
  return (
    <section aria-labelledby="chain" className="mb-7">
      <h2 id="chain">{t('audit.chainTitle')}</h2>
      <p>{t('audit.chainIntro')}</p>
      <Button onClick={() => void verify.refetch()} disabled={verify.isFetching}>{t('audit.verify')}</Button>
      <div aria-live="polite">
        {verify.isFetching && <Spinner label={t('app.loading')} />}
        {verify.error && <Alert variant="error" heading={t('app.error')}>{verify.error.message}</Alert>}
        {result && !verify.isFetching && (result.valid ? (
          <Alert variant="success" heading={t('audit.valid')}>
            {t('audit.validDetail', { count: result.count ?? 0, head: result.headSeq ?? 0, checkpoints: result.checkpointsMatched ?? 0, trusted: result.checkpoints.trusted, key: result.checkpoints.trustedKeyId })}
            <br />
            <code title={result.headHash}>{result.headHash}</code>
          </Alert>
        ) : (
          <Alert variant="error" heading={t('audit.broken')}>
            {t('audit.brokenDetail', { seq: result.seq, reason: t(`audit.reasons.${result.reason ?? 'hash_mismatch'}`) })}
            <br />
            {t('audit.expected')}: <code>{result.expectedHash ?? '—'}</code>
            <br />
            {t('audit.found')}: <code>{result.foundHash ?? '—'}</code>
          </Alert>
        ))}
      </div>
    </section>
  );
}

function CaseAudit({ caseRef, onExplain }: { caseRef: string; onExplain(decisionId: string): void }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const api = useApi();
  const [pages, setPages] = useState<Schema<'CaseAuditTimelineDto'>[]>([]);
  const first = useQuery({
    queryKey: ['audit-timeline', caseRef],
    retry: false,
    queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/audit', { params: { path: { id: caseRef }, query: { limit: 100 } } })),
  });
  const [more, setMore] = useState(false);
  if (first.isPending) return <Spinner label={t('app.loading')} />;
  if (first.error) return <Alert variant="error" heading={first.error instanceof ApiProblem && first.error.status === 404 ? t('audit.noCase', { ref: caseRef }) : t('app.error')}>{first.error.message}</Alert>;
  const all = [first.data, ...pages];
  const items = all.flatMap((page) => page.items);
  const next = all[all.length - 1]?.nextCursor;
  const loadMore = async () => {
    if (!next) return;
    setMore(true);
    try {
      setPages([...pages, unwrap(await api.GET('/v1/cases/{id}/audit', { params: { path: { id: caseRef }, query: { limit: 100, cursor: next } } }))]);
    } finally {
      setMore(false);
    }
  };
  return (
    <>
      <Table caption={t('audit.timelineCaption', { number: first.data.caseNumber, count: items.length })} head={['seq', 'at', 'event', 'subject', 'by', 'hash'].map((column) => t(`audit.columns.${column}`))}>
        {items.map((entry) => {
          const decisionId = decisionOf(entry);
          return (
          <tr key={entry.seq}>
            <td>{entry.seq}</td>
            <td>{dateTime(entry.at)}</td>
            <td>{t(`timeline.action.${entry.action.replace(/\./g, '_')}`, { defaultValue: entry.action })}</td>
            <td>
              {t(`audit.subjects.${entry.subject.type}`, { defaultValue: entry.subject.type })}
              {decisionId && (
                <>
                  {' '}
                  <Button variant="tertiary" onClick={() => onExplain(decisionId)}>{t('audit.explain')}</Button>
                </>
              )}
            </td>
            <td>{entry.actor ? `${entry.actor.sub} (${t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })})` : '—'}</td>
            <td>
              <code title={entry.hash}>{short(entry.hash)}</code>
            </td>
          </tr>
          );
        })}
      </Table>
      {next && <Button variant="secondary" disabled={more} onClick={() => void loadMore()}>{t('audit.more')}</Button>}
    </>
  );
}

function Explanation({ decisionId }: { decisionId: string }) {
  const { t, i18n } = useTranslation();
  const { date, dateTime } = useDates();
  const api = useApi();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const explanation = useQuery({ queryKey: ['explanation', decisionId], retry: false, queryFn: async () => unwrap(await api.GET('/v1/decisions/{id}/explanation', { params: { path: { id: decisionId } } })) });
  if (explanation.isPending) return <Spinner label={t('app.loading')} />;
  if (explanation.error) return <Alert variant="error" heading={t('app.error')}>{explanation.error.message}</Alert>;
  const { decision, ruleSets, findings, engineVerdict, lawDate, screenedAt, replay } = explanation.data;
  const replayHolds = replay.reproducesVerdict && replay.reproducesFindings;
  return (
    <section aria-labelledby="explanation" className="mb-7">
      <h2 id="explanation">{t('audit.explanationTitle')}</h2>
      <dl>
        <dt>{t('audit.outcome')}</dt>
        <dd>{t(`outcome.${decision.outcome}`)}</dd>
        <dt>{t('audit.decidingAuthority')}</dt>
        <dd>{decision.decidingAuthority}</dd>
        <dt>{t('audit.legalBasis')}</dt>
        <dd>{decision.legalBasis}</dd>
        <dt>{t('audit.reasoning')}</dt>
        <dd>{decision.reasoning}</dd>
        <dt>{t('audit.engineVerdict')}</dt>
        <dd>{t(`verdict.${engineVerdict}`)}</dd>
        <dt>{t('audit.lawDate')}</dt>
        <dd>{date(lawDate)}</dd>
        <dt>{t('audit.screenedAt')}</dt>
        <dd>{dateTime(screenedAt)}</dd>
        <dt>{t('audit.replay')}</dt>
        <dd>
          <Badge variant={replayHolds ? 'success' : 'error'}>{t(replayHolds ? 'audit.replayHolds' : 'audit.replayDiffers')}</Badge>
        </dd>
      </dl>
      <Table caption={t('audit.ruleSetsCaption')} head={['id', 'version', 'sha256'].map((column) => t(`audit.columns.${column}`))}>
        {ruleSets.map((set) => (
          <tr key={set.id}>
            <td>{set.id}</td>
            <td>{set.version}</td>
            <td>
              <code title={set.sha256}>{short(set.sha256)}</code>
            </td>
          </tr>
        ))}
      </Table>
      <Table caption={t('audit.findingsCaption')} head={[t('case.columns.severity'), t('case.columns.message'), t('case.columns.law')]}>
        {findings.map((finding) => (
          <tr key={finding.code}>
            <td>{t(`severity.${finding.severity}`)}</td>
            <td>{finding.message[language]}</td>
            <td>{finding.legalReference}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
