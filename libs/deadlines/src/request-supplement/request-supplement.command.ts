import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsOptional, IsUUID } from 'class-validator';
import { MAX_QUESTION_LENGTH, MAX_QUESTIONS } from '../domain/supplement-request';

/**
 * Ask the applicant to complete the application (EHDS art. 68(4)). The questions are checked by
 * `problems()`, not by decorators, so that each question at fault is named by its index.
 */
export class RequestSupplementCommand extends BaseCommand {
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** What the applicant must answer or amend; the use case asks them trimmed. */
  questions!: string[];
  /** The sub-case (data request) the questions concern, if only one; one not of this case is refused by the use case. */
  @IsOptional() @IsUUID() subCaseId?: string;

  static override refusal(errors: FieldError[]): string {
    return `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`;
  }

  protected override problems(): FieldError[] {
    const errors: FieldError[] = [];
    const questions: unknown[] = Array.isArray(this.questions) ? this.questions : [];
    if (questions.length < 1 || questions.length > MAX_QUESTIONS) errors.push({ field: 'questions', messages: [`ask 1 to ${MAX_QUESTIONS} questions`], rule: 'question-count', args: { max: MAX_QUESTIONS } });
    questions.forEach((q, i) => {
      if (typeof q !== 'string' || q.trim() === '') errors.push({ field: `questions[${i}]`, messages: ['a question cannot be empty'], rule: 'question-empty' });
      else if (q.length > MAX_QUESTION_LENGTH) errors.push({ field: `questions[${i}]`, messages: [`at most ${MAX_QUESTION_LENGTH} characters`], rule: 'at-most-characters', args: { max: MAX_QUESTION_LENGTH } });
    });
    return errors;
  }
}
