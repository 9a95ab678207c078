import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../components/fds';

/**
 * Paging through a list the API answers page by page (`limit`, `cursor`, `nextCursor`): the cursors
 * of the pages seen so far, so "previous" goes back without the API knowing of pages behind.
 * `reset` returns to the first page (a filter changed).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length;
  return {
    cursor: cursors[page - 1],
    page,
    reset: () => setCursors([undefined]),
    previous: page > 1 ? () => setCursors((seen) => seen.slice(0, -1)) : undefined,
    next: (nextCursor: string | null | undefined) => (nextCursor ? () => setCursors((seen) => [...seen, nextCursor]) : undefined),
  };
}

/** The FDS pagination under a paged table. */
export function CursorPager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  const previous = pages.previous;
  const next = pages.next(nextCursor);
  return (
    <Pagination
      label={t('paging.label')}
      current={t('paging.page', { page: pages.page })}
      previous={previous && { label: t('paging.previous'), onClick: previous }}
      next={next && { label: t('paging.next'), onClick: next }}
    />
  );
}
