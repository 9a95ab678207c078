import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';

/** Give a case back to its queue: only its holder. */
export class ReleaseCaseCommand extends BaseCommand {
  static override readonly noun = 'release';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
}
