import { BaseCommand, CaseReference } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsIn } from 'class-validator';
import { Text } from '../command-fields';
import { NOTE_VISIBILITIES, NoteVisibility } from '../domain/records';

export const MAX_NOTE_LENGTH = 20000;

/** A note on a case: `internal` for the contact point, `applicant` also for the applicant. */
export class AddNoteCommand extends BaseCommand {
  static override readonly noun = 'note';
  @CaseReference() caseId!: string;
  @Text(MAX_NOTE_LENGTH, `must be text of at most ${MAX_NOTE_LENGTH} characters`) text!: string;
  @IsIn(NOTE_VISIBILITIES, { message: `must be one of ${NOTE_VISIBILITIES.join(', ')}` }) visibility!: NoteVisibility;

  /** The note's refusal has always counted its problems without naming them (the errors do). */
  static override refusal(errors: FieldError[]): string {
    return `The note has ${errors.length} problem${errors.length === 1 ? '' : 's'}.`;
  }
}
