import { BaseCommand, CaseReference } from '@kp/commands';

/** Whom a case's sub-cases waited on, and for how long. */
export class GetCaseWaitingHistoryCommand extends BaseCommand {
  @CaseReference() caseId!: string;
}
