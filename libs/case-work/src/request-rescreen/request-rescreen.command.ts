import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';

/** Screen the open parts of a case again with the rule-set versions now in force. */
export class RequestRescreenCommand extends BaseCommand {
  static override readonly noun = 'rescreen request';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
}
