import { BaseCommand, CaseReference, PageCursor, PageLimit } from '@kp/commands';

/** A page of a case's history from the audit trail, oldest first. */
export class GetCaseAuditTimelineCommand extends BaseCommand {
  @CaseReference() caseId!: string;
  @PageLimit(500) limit!: number;
  @PageCursor() cursor?: string;
}
