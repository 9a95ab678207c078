import { DomainError, FieldError, ValidationFailedError } from '@kp/errors';
import { SupplementRequestRecord } from './supplement-request';

/**
 * A resubmission answers the request for supplement (EHDS art. 68(4)): with an answer to each of its
 * questions (`answers`, in the order asked), or with an amended application. A resubmission that
 * does neither would restart the clock on an application nobody has completed; it is refused with
 * `supplement-unanswered`, and the application stays editable and resubmittable.
 */
export function assertSupplementAnswered(open: SupplementRequestRecord[], answers: string[] | null, amended: boolean): void {
  const questions = open.flatMap((r) => r.questions);
  if (answers && answers.length > questions.length) {
    throw new ValidationFailedError(`There ${questions.length === 1 ? 'is 1 question' : `are ${questions.length} questions`} to answer, not ${answers.length}.`, [
      { field: 'answers', messages: [`at most ${questions.length} answers, one per question`], rule: 'answers-per-question', args: { max: questions.length } },
    ]);
  }
  if (amended) return;
  const unanswered: FieldError[] = questions.flatMap((_, i) => (answers?.[i]?.trim() ? [] : [{ field: `answers[${i}]`, messages: ['answer this question, or amend the application'], rule: 'answer-question' }]));
  if (unanswered.length) {
    throw new DomainError(
      'supplement-unanswered',
      `The application has not changed since the request for supplement, so answer each of its ${questions.length} question${questions.length === 1 ? '' : 's'} in \`answers\`, or amend the application first.`,
      { errors: unanswered },
    );
  }
}
