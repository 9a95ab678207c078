import { ValidationFailedError } from '@kp/errors';
import { MAX_QUESTION_LENGTH, MAX_QUESTIONS } from '../domain/supplement-request';

export interface RequestSupplementCommand {
  questions: string[];
  subCaseId?: string;
}

/** The command checks itself too: not every caller comes through the HTTP DTO. */
export function validateRequestSupplement(command: RequestSupplementCommand): RequestSupplementCommand {
  const errors: { field: string; messages: string[] }[] = [];
  const questions = Array.isArray(command.questions) ? command.questions : [];
  if (questions.length < 1 || questions.length > MAX_QUESTIONS) errors.push({ field: 'questions', messages: [`ask 1 to ${MAX_QUESTIONS} questions`] });
  questions.forEach((q, i) => {
    if (typeof q !== 'string' || q.trim() === '') errors.push({ field: `questions[${i}]`, messages: ['a question cannot be empty'] });
    else if (q.length > MAX_QUESTION_LENGTH) errors.push({ field: `questions[${i}]`, messages: [`at most ${MAX_QUESTION_LENGTH} characters`] });
  });
  if (errors.length) throw new ValidationFailedError(`The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors);
  return { questions: questions.map((q) => q.trim()), subCaseId: command.subCaseId };
}
