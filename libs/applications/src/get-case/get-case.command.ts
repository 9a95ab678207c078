import { BaseCommand, CaseReference } from '@kp/commands';

/** Read one case, by id or number. */
export class GetCaseCommand extends BaseCommand {
  @CaseReference() caseId!: string;
}
