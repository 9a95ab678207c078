import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Alert, Badge, Button, Checkbox, PageHeading, Table } from '../../components/fds';
import { Loading } from '../Loading';
import { CursorPager, useCursorPages } from '../use-cursor-pages';
import { useDates } from '../use-dates';

const PAGE_SIZE = 25;

/**
 * Everyone's notices (issue 12), newest first: those to me and those to my role in my
 * organisation or region. Marking one read marks it for me only (a role's notice stays unread for
 * colleagues), and the header's count follows.
 */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { dateTime } = useDates();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const queryClient = useQueryClient();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [failed, setFailed] = useState<string>();
  const pages = useCursorPages();
  const notices = useQuery({
    queryKey: ['notifications', 'list', onlyUnread, pages.cursor],
    queryFn: async () => unwrap(await api.GET('/v1/me/notifications', { params: { query: { limit: PAGE_SIZE, ...(onlyUnread ? { unread: true } : {}), ...(pages.cursor ? { cursor: pages.cursor } : {}) } } })),
  });
  const markRead = async (id: string) => {
    setFailed(undefined);
    try {
      unwrap(await api.POST('/v1/me/notifications/{id}/read', { params: { path: { id } } }));
    } catch (refused) {
      setFailed(refused instanceof Error ? refused.message : String(refused));
    }
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <Checkbox
        id="only-unread"
        label={t('notifications.onlyUnread')}
        checked={onlyUnread}
        onChange={(checked) => {
          setOnlyUnread(checked);
          pages.reset();
        }}
      />
      {failed && <Alert variant="error" heading={t('app.error')} live>{failed}</Alert>}
      <Loading query={notices}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <>
              <Table caption={t('notifications.caption')} head={['notice', 'case', 'at', 'status'].map((column) => t(`notifications.columns.${column}`))}>
                {page.items.map((notice) => (
                  <tr key={notice.id}>
                    <td>
                      <strong>{notice.title[language]}</strong>
                      <br />
                      {notice.body[language]}
                    </td>
                    <td>{notice.caseId && notice.caseNumber ? <Link to={`/cases/${notice.caseId}`}>{notice.caseNumber}</Link> : '—'}</td>
                    <td>{dateTime(notice.createdAt)}</td>
                    <td>
                      {notice.read ? (
                        t('notifications.read')
                      ) : (
                        <>
                          <Badge variant="info">{t('notifications.unread')}</Badge>{' '}
                          <Button variant="tertiary" onClick={() => void markRead(notice.id)} aria-label={t('notifications.markReadWhich', { title: notice.title[language] })}>
                            {t('notifications.markRead')}
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
              <CursorPager pages={pages} nextCursor={page.nextCursor} />
            </>
          )
        }
      </Loading>
    </>
  );
}
