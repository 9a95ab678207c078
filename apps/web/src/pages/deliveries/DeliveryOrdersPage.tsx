import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/problem';
import { useApi, useSession } from '../../auth/session';
import { Alert, Badge, PageHeading } from '../../components/fds';
import { Loading } from '../Loading';
import { CursorPager, useCursorPages } from '../use-cursor-pages';
import { useDates } from '../use-dates';
import { ReportStatusForm } from './ReportStatusForm';

type Order = Schema<'DeliveryOrder'>;
const PAGE_SIZE = 20;

/**
 * The data holder's delivery staff and the analysis environment's operator (issue 12, after the
 * decision): the delivery and stop orders addressed to them, oldest first, each with what to
 * extract as the permit granted it, where it goes, when it is due, its history, and the statuses
 * they may report now (docs/delivery-orders.md) — the holder never re-enters the application.
 */
export function DeliveryOrdersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const role = useSession().session?.actor.role;
  const pages = useCursorPages();
  const [reported, setReported] = useState('');
  const orders = useQuery({
    queryKey: ['delivery-orders', pages.cursor],
    queryFn: async () => unwrap(await api.GET('/v1/delivery-orders', { params: { query: { limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) } } })),
  });
  return (
    <>
      <PageHeading>{t('deliveries.title')}</PageHeading>
      <p>{t(role === 'environment_operator' ? 'deliveries.introOperator' : 'deliveries.introHolder')}</p>
      {/* The form of a reported order is replaced by the order's next step, so the page says what happened. */}
      <div role="status">{reported && <Alert variant="success" heading={reported} />}</div>
      <Loading query={orders}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('deliveries.empty')}</p>
          ) : (
            <>
              {page.items.map((order) => (
                <OrderView key={order.id} order={order} onReported={setReported} />
              ))}
              <CursorPager pages={pages} nextCursor={page.nextCursor} />
            </>
          )
        }
      </Loading>
    </>
  );
}

function OrderView({ order, onReported }: { order: Order; onReported(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { date, dateTime } = useDates();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const headingId = `order-${order.id}`;
  const { instructions } = order;
  return (
    <section aria-labelledby={headingId} className="delivery-order">
      <h2 id={headingId} className="h3">
        {t(`deliveries.kind.${order.kind}`, { number: order.caseNumber })}
      </h2>
      <dl className="case-facts">
        <dt>{t('deliveries.status')}</dt>
        <dd>
          {t(`case.orderStatuses.${order.status}`)} {order.overdue && <Badge variant="warning">{t('case.overdue')}</Badge>}
          {order.statusReason && <span className="form-hint"> {order.statusReason}</span>}
        </dd>
        <dt>{t('deliveries.permit')}</dt>
        <dd>{t('deliveries.permitValid', { number: order.permitNumber, until: date(instructions.validUntil) })}</dd>
        <dt>{t('deliveries.holder')}</dt>
        <dd>
          {order.holder.name} ({order.holder.cvr})
        </dd>
        <dt>{t('deliveries.environment')}</dt>
        <dd>
          {instructions.environment.name[language]}
          {instructions.environment.operator && ` — ${instructions.environment.operator.name}`}
        </dd>
        {order.kind === 'delivery' && (
          <>
            <dt>{t('deliveries.output')}</dt>
            <dd>
              {t(`deliveries.outputs.${instructions.output ?? 'none'}`)}
              {instructions.pseudonymisationKeyOwner && ` ${t('deliveries.keyOwner', { name: instructions.pseudonymisationKeyOwner.name })}`}
            </dd>
            <dt>{t('deliveries.due')}</dt>
            <dd>
              {date(order.dueAt)} <span className="form-hint">{instructions.serviceLevel.verified
                  ? t('deliveries.serviceLevel', { days: instructions.serviceLevel.workingDays, reference: instructions.serviceLevel.reference })
                  : // An unverified service level's reference is a note for the operator, in English, marked [check]: not for the console.
                    t('deliveries.serviceLevelAssumed', { days: instructions.serviceLevel.workingDays })}</span>
            </dd>
          </>
        )}
      </dl>
      {order.kind === 'delivery' && (
        <>
          <h3 className="h5">{t('deliveries.extract')}</h3>
          <ul>
            {instructions.sources.map((source) => (
              <li key={source.dataSourceId}>
                <strong>{source.dataSourceName}</strong>: {source.population}
                {source.variables.length > 0 && <> — {t('deliveries.variables', { list: source.variables.join(', ') })}</>}
                {source.biologicalMaterial && <> — {t('deliveries.biologicalMaterial')}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {order.history.length > 0 && (
        <>
          <h3 className="h5">{t('deliveries.history')}</h3>
          <ol>
            {order.history.map((step, index) => (
              <li key={index}>
                {dateTime(step.reportedAt)}: {t(`case.orderStatuses.${step.to}`)} ({t(`roles.${step.reportedBy.role}`, { defaultValue: step.reportedBy.role })})
                {step.reason && ` — ${step.reason}`}
              </li>
            ))}
          </ol>
        </>
      )}
      {order.nextStatuses.length > 0 && <ReportStatusForm key={order.version} order={order} onReported={onReported} />}
    </section>
  );
}
