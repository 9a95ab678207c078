import { CaseKind, CaseRecord } from '@kp/cases';
import { amendsView } from './case.view';
import { ApplicationContent } from '../domain/application-content';
import { ApplicationRecord } from '../domain/records';

export interface ApplicationView {
  id: string;
  status: string;
  kind: CaseKind;
  amends: ReturnType<typeof amendsView>;
  version: number;
  content: ApplicationContent;
  case: { id: string; number: string; state: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** The applicant's view: the status is the case's state once submitted. */
export function applicationView(a: ApplicationRecord, c?: CaseRecord): ApplicationView {
  return {
    id: a.id,
    status: c ? c.state : a.status,
    kind: a.kind ?? 'application',
    amends: amendsView(a.amends ?? null),
    version: a.version,
    content: a.content,
    case: c ? { id: c.id, number: c.number, state: c.state } : null,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}
