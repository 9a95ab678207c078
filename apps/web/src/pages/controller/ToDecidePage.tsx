import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Badge, PageHeading, Table } from '../../components/fds';
import { Loading } from '../Loading';
import { useDates } from '../use-dates';

/**
 * The controller's work: the cases whose sub-cases of my sources the contact point has recommended
 * to me (the API has no controller queue; the recommendation notices name the cases). The case
 * page shows the recommendation and, when the case lists it, the decision form.
 */
export function ToDecidePage() {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDates();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const notices = useQuery({ queryKey: ['notifications'], queryFn: async () => unwrap(await api.GET('/v1/me/notifications')) });
  return (
    <>
      <PageHeading>{t('toDecide.title')}</PageHeading>
      <p>{t('toDecide.intro')}</p>
      <Loading query={notices}>
        {(page) => {
          const withCase = page.items.filter((notice) => notice.kind === 'recommendation_received' && notice.caseId);
          return withCase.length === 0 ? (
            <p>{t('toDecide.empty')}</p>
          ) : (
            <Table caption={t('toDecide.caption')} head={['case', 'notice', 'at'].map((column) => t(`toDecide.columns.${column}`))}>
              {withCase.map((notice) => (
                <tr key={notice.id}>
                  <td>
                    <Link to={`/cases/${notice.caseId}`}>{notice.caseNumber}</Link>
                  </td>
                  <td>
                    {!notice.read && <Badge variant="info">{t('toDecide.new')}</Badge>} {notice.title[language]}
                  </td>
                  <td>{dateTime(notice.createdAt)}</td>
                </tr>
              ))}
            </Table>
          );
        }}
      </Loading>
    </>
  );
}
