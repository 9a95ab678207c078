import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Badge, PageHeading, Table } from '../../components/fds';
import { Loading } from '../Loading';
import { useDates } from '../use-dates';

/** The advisor's consultations: questions to my region's data-support centre, soonest deadline first; each case page holds the answer form. */
export function ConsultationsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const { date } = useDates();
  const api = useApi();
  const consultations = useQuery({ queryKey: ['consultations'], queryFn: async () => unwrap(await api.GET('/v1/consultations')) });
  return (
    <>
      <PageHeading>{t('consultations.pageTitle')}</PageHeading>
      <Loading query={consultations}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('consultations.empty')}</p>
          ) : (
            <Table caption={t('consultations.caption')} head={['case', 'question', 'region', 'deadline', 'state'].map((column) => t(`consultations.columns.${column}`))}>
              {page.items.map((consultation) => (
                <tr key={consultation.id}>
                  <td>
                    <Link to={`/cases/${consultation.case.id}`}>{consultation.case.number}</Link>
                    <span className="d-block form-hint">{consultation.case.title}</span>
                  </td>
                  <td>{consultation.questionText[language]}</td>
                  <td>{t(`regions.${consultation.advisorRegion}`)}</td>
                  <td>{date(consultation.deadline)}</td>
                  <td>
                    <Badge variant={consultation.state === 'open' ? 'warning' : 'success'}>{t(`consultations.state.${consultation.state}`)}</Badge>
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Loading>
    </>
  );
}
