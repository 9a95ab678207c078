import type { Schema } from '@kp/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Badge, PageHeading, Table } from '../../components/fds';
import { Loading } from '../Loading';

const SEVERITY_BADGE = { blocking: 'error', warning: 'warning', info: 'info' } as const;

/** A case as staff see it: its state and clock, and each sub-case with its track, the rules' findings and the law they cite. */
export function CasePage() {
  const { id } = useParams<{ id: string }>();
  const api = useApi();
  const found = useQuery({ queryKey: ['case', id], queryFn: async () => unwrap(await api.GET('/v1/cases/{id}', { params: { path: { id: id! } } })) });
  return <Loading query={found}>{(kase) => <CaseView kase={kase} />}</Loading>;
}

function CaseView({ kase }: { kase: Schema<'Case'> }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('case.title', { number: kase.number })}</PageHeading>
      {kase.title && <p className="font-lead">{kase.title}</p>}
      <dl>
        <dt>{t('case.state')}</dt>
        <dd>{t(`states.${kase.state}`)}</dd>
        <dt>{t('case.applicant')}</dt>
        <dd>{[kase.applicant.organisation, kase.applicant.cvr].filter(Boolean).join(', ')}</dd>
        {kase.clock && (
          <>
            <dt>{t('case.clock')}</dt>
            <dd>{t('case.dueDate', { date: kase.clock.dueDate, days: kase.clock.daysLeft })}</dd>
          </>
        )}
      </dl>
      <h2>{t('case.subCases')}</h2>
      {kase.subCases.map((sub) => (
        <SubCaseView key={sub.id} sub={sub} />
      ))}
      <DeliveryOrders caseId={kase.id} />
    </>
  );
}

function SubCaseView({ sub }: { sub: Schema<'SubCase'> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  return (
    <section aria-labelledby={`sub-${sub.id}`} className="mb-7">
      <h3 id={`sub-${sub.id}`}>
        {sub.dataSourceName} <Badge variant="info">{t(`case.track.${sub.track}`)}</Badge> <Badge>{t(`states.${sub.state}`)}</Badge>
      </h3>
      <p>
        {t('case.decidingAuthority')}: {sub.decidingAuthority}
      </p>
      {!sub.screening ? (
        <p>{t('case.screeningPending')}</p>
      ) : (
        <>
          <p>
            {t('verdict.' + sub.screening.verdict)} <span className="form-hint">{t('case.lawDate', { date: sub.screening.lawDate })}</span>
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
    </section>
  );
}

/** Where the delivery of each holder's data stands after the permit, and whether it is overdue; nothing before a permit. */
function DeliveryOrders({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const api = useApi();
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
            <td>{order.dueAt?.slice(0, 10)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
