
/** Who holds a case after a claim, release or assignment; `version` is the case's new ETag. */
export function assignmentView(c: CaseRecord) {
  return { caseId: c.id, number: c.number, state: c.state, version: c.version, assignee: c.assigneeSub };
}

export type AssignmentView = ReturnType<typeof assignmentView>;import { CaseRecord } from '@kp/cases';

