import { CaseKind, CaseRecord, PartyRole } from '@kp/cases';
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
  /** Who the reader is to the application; null for a reader who is neither (an advisor giving pre-screening help). */
  myRole: PartyRole | null;
  createdAt: string;
  updatedAt: string;
}

/** The applicant's view (or a team member's, `myRole`): the status is the case's state once submitted. */
export function applicationView(a: ApplicationRecord, c?: CaseRecord, myRole: PartyRole | null = 'applicant'): ApplicationView {
  return {
    id: a.id,
    status: c ? c.state : a.status,
    kind: a.kind ?? 'application',
    amends: amendsView(a.amends ?? null),
    version: a.version,
    content: a.content,
    case: c ? { id: c.id, number: c.number, state: c.state } : null,
    myRole,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}
