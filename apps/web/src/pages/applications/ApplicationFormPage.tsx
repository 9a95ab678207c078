import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { unwrap } from '../../api/problem';
import { useApi } from '../../auth/session';
import { Loading } from '../Loading';
import { ApplicationForm } from './form/ApplicationForm';

export function ApplicationFormPage() {
  const { id } = useParams<{ id: string }>();
  const api = useApi();
  // Read once: from here the form's state is the truth and autosave writes it back.
  const application = useQuery({
    queryKey: ['application', id],
    queryFn: async () => unwrap(await api.GET('/v1/applications/{id}', { params: { path: { id: id! } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
  return <Loading query={application}>{(data) => <ApplicationForm key={data.id} application={data} />}</Loading>;
}
