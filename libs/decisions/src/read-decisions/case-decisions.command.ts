import { BaseCommand, CaseReference } from '@kp/commands';

/** The decisions, drafts, recommendations and permits of one case. */
export class CaseDecisionsCommand extends BaseCommand {
  static override readonly noun = 'query';
  @CaseReference() caseId!: string;
}
