import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';

/** The case's decisions, permits, drafts and recommendations, as far as the signed-in person may see them. */
export function useDecisions(caseId: string) {
  const api = useApi();
  return useQuery({ queryKey: ['decisions', caseId], retry: false, queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/decisions', { params: { path: { id: caseId } } })) });
}
