import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem';
import { useApi, useSession } from '../../auth/session';

/** How many notices one page of unread ones may hold before the header says "99+". */
export const UNREAD_PAGE = 99;

/** The header's count of my unread notices: one page of them, refreshed every minute while signed in. */
export function useUnreadCount(): { count: number; more: boolean } | undefined {
  const api = useApi();
  const { session } = useSession();
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count', session?.actor.sub],
    enabled: Boolean(session),
    refetchInterval: 60_000,
    queryFn: async () => unwrap(await api.GET('/v1/me/notifications', { params: { query: { unread: true, limit: UNREAD_PAGE } } })),
  });
  return unread.data && { count: unread.data.items.length, more: unread.data.nextCursor !== null };
}

/** The menu label with the count: "Beskeder (3 ulæste)"; "99+" when there is more than a page. */
export function unreadLabel(t: (key: string, options?: Record<string, unknown>) => string, unread: { count: number; more: boolean } | undefined): string {
  if (!unread || unread.count === 0) return t('notifications.nav');
  return t('notifications.navUnread', { count: unread.count, shown: unread.more ? `${UNREAD_PAGE}+` : String(unread.count) });
}
