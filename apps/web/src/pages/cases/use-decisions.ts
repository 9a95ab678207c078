import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem';
import { useApi, useSession } from '../../auth/session';

/** The case's decisions, permits, drafts and recommendations, as far as the signed-in person may see them. */
export function useDecisions(caseId: string) {
  const api = useApi();
  // Advisors see consultations only; the decisions are not theirs to read (403).
  const mayRead = useSession().session?.actor.role !== 'advisor';
  return useQuery({ queryKey: ['decisions', caseId], enabled: mayRead, retry: false, queryFn: async () => unwrap(await api.GET('/v1/cases/{id}/decisions', { params: { path: { id: caseId } } })) });
}
