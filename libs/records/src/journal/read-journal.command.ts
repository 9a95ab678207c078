import { BaseCommand, CaseReference } from '@kp/commands';

export class ReadJournalCommand extends BaseCommand {
  static override readonly noun = 'journal request';
  @CaseReference() caseId!: string;
}
