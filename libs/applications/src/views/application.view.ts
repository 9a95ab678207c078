import { CaseRecord } from '@kp/cases';
import { ApplicationContent } from '../domain/application-content';
import { ApplicationRecord } from '../domain/records';

export interface ApplicationView {
  id: string;
  status: string;
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
    version: a.version,
    content: a.content,
    case: c ? { id: c.id, number: c.number, state: c.state } : null,
    createdAt: new Date(a.createdAt).toISOString(),
    updatedAt: new Date(a.updatedAt).toISOString(),
  };
}
