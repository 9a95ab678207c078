import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/problem';
import { useApi, useSession } from '../../auth/session';
import { Badge, Table } from '../../components/fds';
import { useDates } from '../use-dates';
import { partyName } from './ClockView';

/**
 * The case's history: for staff, whom each part waited on and whether each deadline held (the
 * waiting history); for staff and the applicant, the audit trail's events (the applicant sees the
 * events the API shows applicants, without staff identities).
 */
export function TimelineView({ kase, staff }: { kase: Schema<'Case'>; staff: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const api = useApi();
  const role = useSession().session?.actor.role;
  const mayReadAudit = staff || role === 'researcher' || role === 'auditor';
  const path = { id: kase.id };
  const waits = useQuery({ queryKey: ['waiting-history', kase.id], enabled: staff, queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/waiting-history', { params: { path } })) });
  const audit = useQuery({ queryKey: ['audit', kase.id], enabled: mayReadAudit, retry: false, queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/audit', { params: { path } })) });
  // Every read of a case is audited too (case.viewed, case.notes_viewed …); the history shows what happened to it.
  const events = (audit.data?.items ?? []).filter((entry) => !/(^|_|\.)viewed$/.test(entry.action));
  const sourceOf = (subCaseId: string) => kase.subCases.find((sub) => sub.id === subCaseId)?.dataSourceName ?? '—';
  if (!waits.data && !audit.data) return null;
  return (
    <section aria-labelledby="timeline" className="mb-7">
      <h2 id="timeline">{t('timeline.title')}</h2>
      {waits.data && waits.data.items.length > 0 && (
        <Table caption={t('timeline.waitsCaption')} head={['part', 'party', 'since', 'until', 'deadline', 'held'].map((column) => t(`timeline.columns.${column}`))}>
          {waits.data.items.map((wait) => (
            <tr key={`${wait.subCaseId}-${wait.party}-${wait.since}`}>
              <td>{sourceOf(wait.subCaseId)}</td>
              <td>{partyName(t, wait.party)}</td>
              <td>{dateTime(wait.since)}</td>
              <td>{wait.until ? dateTime(wait.until) : t('timeline.stillWaiting')}</td>
              <td>{dateTime(wait.deadline)}</td>
              <td>{wait.metDeadline === null ? '—' : <Badge variant={wait.metDeadline ? 'success' : 'error'}>{t(wait.metDeadline ? 'timeline.held' : 'timeline.missed')}</Badge>}</td>
            </tr>
          ))}
        </Table>
      )}
      {events.length > 0 && (
        <Table caption={t('timeline.auditCaption')} head={['at', 'event', 'by'].map((column) => t(`timeline.columns.${column}`))}>
          {events.map((entry: Schema<'TimelineEntryDto'>) => (
            <tr key={entry.seq}>
              <td>{dateTime(entry.at)}</td>
              <td>{t(`timeline.action.${entry.action.replace(/\./g, '_')}`, { defaultValue: entry.action })}</td>
              <td>{entry.actor ? `${entry.actor.sub ?? ''} (${t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })})` : entry.actorRole ? t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole }) : '—'}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
