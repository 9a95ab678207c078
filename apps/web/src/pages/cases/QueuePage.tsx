import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Badge, PageHeading, Table } from '../../components/fds';
import { Loading } from '../Loading';

type QueueName = Schema<'QueuePage'>['queue'];
const QUEUES: readonly QueueName[] = ['central', 'collaborative', 'approval', 'mine'];
const isQueue = (name: string | undefined): name is QueueName => QUEUES.includes(name as QueueName);

/** The caseworker's queues: counts per queue from the workload, and one queue's cases, soonest due first. */
export function QueuePage() {
  const { t } = useTranslation();
  const api = useApi();
  const { queue } = useParams<{ queue: string }>();
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
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('queues.empty')}</p>
          ) : (
            <Table
              caption={t('queues.caption', { queue: t(`queues.queue.${queue}`) })}
              head={['number', 'title', 'applicant', 'sources', 'state', 'daysLeft', 'assignee'].map((column) => t(`queues.columns.${column}`))}
            >
              {page.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/cases/${item.id}`}>{item.number}</Link>
                  </td>
                  <td>{item.title ?? '—'}</td>
                  <td>{item.applicant.organisation ?? "—"}</td>
                  <td>{item.subCases.map((sub) => sub.dataSourceName).join(', ')}</td>
                  <td>{t(`states.${item.state}`)}</td>
                  <td>
                    <DaysLeft item={item} />
                  </td>
                  <td>{item.assignee ?? t('queues.unassigned')}</td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </>
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
