export interface PaginationProps {
  label: string;
  /** "Side 2" — cursor paging knows where it is, not how many pages there are. */
  current: string;
  previous?: { label: string; onClick(): void };
  next?: { label: string; onClick(): void };
}

/**
 * FDS "Paginering" (dkfds 11 components/pagination): previous, where you are, next. Buttons rather
 * than links, as the pages are cursors the API hands out, not addresses. Absent both ways: nothing.
 */
export function Pagination({ label, current, previous, next }: PaginationProps) {
  if (!previous && !next) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <ul className="pagination__items">
        <li className="pagination-item">
          {previous && (
            <button type="button" className="button button-unstyled pagination-nav-link pagination-previous" onClick={previous.onClick}>
              {previous.label}
            </button>
          )}
        </li>
        <li className="pagination-item pagination-number" aria-current="page">
          {current}
        </li>
        <li className="pagination-item">
          {next && (
            <button type="button" className="button button-unstyled pagination-nav-link pagination-next" onClick={next.onClick}>
              {next.label}
            </button>
          )}
        </li>
      </ul>
    </nav>
  );
}
