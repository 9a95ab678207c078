import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { MAX_ANSWER_LENGTH, MAX_QUESTIONS } from '../domain/supplement-request';

const TOO_LONG = `at most ${MAX_ANSWER_LENGTH} characters`;

/** The applicant answers a request for supplement with the amended application. */
export class ResubmitApplicationCommand extends BaseCommand {
  /** Not @IsUUID: an id that is no uuid names no application, and is answered as not found. */
  @IsString() @IsNotEmpty() applicationId!: string;
  /** The application's version the applicant acted on (If-Match on the application, not the case). */
  @ExpectedVersion() expectedVersion?: number;
  /** A covering answer to the questions; the amendments themselves are in the application. Blank is no answer. */
  @IsOptional() @IsString() answer?: string;
  /** One answer per question of the open request, in the order asked; each required unless the application was amended since the request. */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_QUESTIONS) @IsString({ each: true }) answers?: string[];

  static override refusal(errors: FieldError[]): string {
    const onlyTooLong = errors.length === 1 && errors[0].field === 'answer' && errors[0].messages.join() === TOO_LONG;
    return onlyTooLong ? 'The answer is too long.' : super.refusal(errors);
  }

  /** The answer is stored trimmed, so it is its trimmed length that counts. */
  protected override problems(): FieldError[] {
    const answer = typeof this.answer === 'string' ? this.answer.trim() : '';
    const problems: FieldError[] = answer.length > MAX_ANSWER_LENGTH ? [{ field: 'answer', messages: [TOO_LONG], rule: 'at-most-characters', args: { max: MAX_ANSWER_LENGTH } }] : [];
    (Array.isArray(this.answers) ? this.answers : []).forEach((a, i) => {
      if (typeof a === 'string' && a.trim().length > MAX_ANSWER_LENGTH) problems.push({ field: `answers[${i}]`, messages: [TOO_LONG], rule: 'at-most-characters', args: { max: MAX_ANSWER_LENGTH } });
    });
    return problems;
  }
}
