import type { UseQueryResult } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../components/fds';

/** A query's three states: spinner, the problem's text, or the page. */
export function Loading<T>({ query, children }: { query: UseQueryResult<T>; children(data: T): ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Spinner label={t('app.loading')} />;
  if (query.isError) return <Alert variant="error" heading={t('app.error')} live>{query.error.message}</Alert>;
  return <>{children(query.data)}</>;
}
