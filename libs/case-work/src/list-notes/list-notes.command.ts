import { BaseCommand, CaseReference } from '@kp/commands';

/** The notes of one case that the actor may read. */
export class ListNotesCommand extends BaseCommand {
  @CaseReference() caseId!: string;
}
