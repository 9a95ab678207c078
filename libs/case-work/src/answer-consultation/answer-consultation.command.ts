import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsString } from 'class-validator';
import { Text } from '../command-fields';

export const MAX_ANSWER_LENGTH = 20000;

/** An advisor's answer to a consultation addressed to their region. */
export class AnswerConsultationCommand extends BaseCommand {
  static override readonly noun = 'answer';
  /** Any text: an id that is not a consultation's is not found, as one the advisor may not see. */
  @IsString() consultationId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @Text(MAX_ANSWER_LENGTH, 'must be non-empty text') answer!: string;

  static override refusal(errors: FieldError[]): string {
    return errors.length === 1 && errors[0].field === 'answer' ? `answer must be text of at most ${MAX_ANSWER_LENGTH} characters.` : super.refusal(errors);
  }
}
