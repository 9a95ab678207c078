import type { Schema } from '@kp/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Alert, Badge, Button, Checkbox, PageHeading, Select, Table, TextField } from '../../components/fds';
import { Loading } from '../Loading';
import { filterQueue, NO_FILTER, QueueFilter } from './queue-filter';

type QueueName = Schema<'QueuePage'>['queue'];
const QUEUES: readonly QueueName[] = ['central', 'collaborative', 'approval', 'mine'];
const isQueue = (name: string | undefined): name is QueueName => QUEUES.includes(name as QueueName);

/** The caseworker's queues: counts per queue from the workload, and one queue's cases, soonest due first, narrowed by text, source or urgency. */
export function QueuePage() {
  const { t } = useTranslation();
  const api = useApi();
  const { queue } = useParams<{ queue: string }>();
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const workload = useQuery({ queryKey: ['workload'], queryFn: async () => unwrap(await api.GET('/v1/workload')) });
  const cases = useQuery({
    queryKey: ['queue', queue],
    enabled: isQueue(queue),
    queryFn: async () => unwrap(await api.GET('/v1/queues/{queue}', { params: { path: { queue: queue as QueueName } } })),
  });
  if (!isQueue(queue)) return <Navigate to="/queues/central" replace />;
  const counts = new Map((workload.data?.byQueue ?? []).map((entry) => [entry.queue, entry]));
  return (
    <>
      <PageHeading>{t('queues.title')}</PageHeading>
      <nav aria-label={t('queues.counts')}>
        <ul className="nobullet-list queue-counts">
          {QUEUES.map((name) => {
            const count = counts.get(name);
            return (
              <li key={name}>
                <Link to={`/queues/${name}`} aria-current={name === queue ? 'page' : undefined}>
                  {t(`queues.queue.${name}`)}
                </Link>{' '}
                <Badge variant="info">{t('queues.open', { count: count?.open ?? 0 })}</Badge>{' '}
                {(count?.atRisk ?? 0) > 0 && <Badge variant="warning">{t('queues.atRisk', { count: count?.atRisk })}</Badge>}{' '}
                {(count?.overdue ?? 0) > 0 && <Badge variant="error">{t('queues.overdue', { count: count?.overdue })}</Badge>}
              </li>
            );
          })}
        </ul>
      </nav>
      <Loading query={cases}>
        {(page) => (
          <>
            <QueueFilters items={page.items} filter={filter} onChange={setFilter} />
            <QueueTable queue={queue} items={filterQueue(page.items, filter)} />
          </>
        )}
      </Loading>
    </>
  );
}

function QueueFilters({ items, filter, onChange }: { items: readonly Schema<'QueueItem'>[]; filter: QueueFilter; onChange(filter: QueueFilter): void }) {
  const { t } = useTranslation();
  const sources = new Map(items.flatMap((item) => item.subCases.map((sub) => [sub.dataSourceId, sub.dataSourceName] as const)));
  return (
    <div className="queue-filters" role="search" aria-label={t('queues.filters')}>
      <TextField id="queue-text" label={t('queues.filterText')} width="m" value={filter.text} onChange={(text) => onChange({ ...filter, text })} />
      <Select id="queue-source" label={t('queues.filterSource')} placeholder={t('queues.anySource')} value={filter.source} options={[...sources].map(([value, label]) => ({ value, label }))} onChange={(source) => onChange({ ...filter, source })} />
      <Checkbox id="queue-urgent" label={t('queues.urgentOnly')} checked={filter.urgentOnly} onChange={(urgentOnly) => onChange({ ...filter, urgentOnly })} />
    </div>
  );
}

/**
 * Claiming from the row (the API lists `claim` in the row's nextSteps only when it would accept it);
 * after it, the queues and counts are read again and the status region says which case was taken.
 */
function useClaim() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (item: Schema<'QueueItem'>) => {
      unwrap(await api.POST('/v1/cases/{id}/claim', { params: { path: { id: item.id } } }));
      return item;
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['queue'] }), queryClient.invalidateQueries({ queryKey: ['workload'] })]),
  });
}

export function QueueTable({ queue, items }: { queue: QueueName; items: readonly Schema<'QueueItem'>[] }) {
  const { t } = useTranslation();
  const claim = useClaim();
  return (
    <>
      <div role="status">{claim.isSuccess && <Alert variant="success" heading={t('queues.claimed', { number: claim.data.number })} />}</div>
      {claim.isError && (
        <Alert variant="error" live heading={t('queues.claimFailed', { number: claim.variables.number })}>
          {claim.error.message}
        </Alert>
      )}
      {items.length === 0 ? <p>{t('queues.empty')}</p> : <QueueRows queue={queue} items={items} claim={claim} />}
    </>
  );
}

function QueueRows({ queue, items, claim }: { queue: QueueName; items: readonly Schema<'QueueItem'>[]; claim: ReturnType<typeof useClaim> }) {
  const { t } = useTranslation();
  return (
    <Table caption={t('queues.caption', { queue: t(`queues.queue.${queue}`) })} head={['number', 'title', 'applicant', 'sources', 'state', 'daysLeft', 'assignee', 'actions'].map((column) => t(`queues.columns.${column}`))}>
      {items.map((item) => (
        <tr key={item.id}>
          <td className="queue-nowrap">
            <Link to={`/cases/${item.id}`}>{item.number}</Link>
          </td>
          <td>{item.title ?? '—'}</td>
          <td>{item.applicant.organisation ?? '—'}</td>
          <td>{item.subCases.map((sub) => sub.dataSourceName).join(', ')}</td>
          <td>{t(`states.${item.state}`)}</td>
          <td>
            <DaysLeft item={item} />
          </td>
          <td>{item.assignee ?? t('queues.unassigned')}</td>
          <td>
            {item.nextSteps.some((step) => step.command === 'claim') && (
              <Button variant="secondary" className="queue-nowrap" onClick={() => claim.mutate(item)} disabled={claim.isPending}>
                {t('actions.command.claim')} <span className="sr-only">{item.number}</span>
              </Button>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** Deadline colours: red overdue, yellow at risk; a paused clock says so. */
function DaysLeft({ item }: { item: Schema<'QueueItem'> }) {
  const { t } = useTranslation();
  if (item.daysLeft === null) return <>—</>;
  const variant = item.overdue ? 'error' : item.atRisk ? 'warning' : 'success';
  return (
    <>
      <Badge variant={variant}>{item.daysLeft}</Badge>
      {item.clockPaused && <span className="form-hint"> {t('queues.paused')}</span>}
    </>
  );
}
