import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';

/** Take a case: one assignee at a time. */
export class ClaimCaseCommand extends BaseCommand {
  static override readonly noun = 'claim';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
}
