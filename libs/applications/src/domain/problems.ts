import { DomainError, ForbiddenError, ValidationFailedError } from '@kp/errors';
import { FieldProblem } from './application-content';
import { SubmissionProblems } from './submission-check';

export const invalidContent = (errors: FieldProblem[]) =>
  new ValidationFailedError(`The application has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`, errors);

export const incomplete = (errors: FieldProblem[]) =>
  new DomainError('incomplete-application', `The application is not complete: ${errors.map((e) => e.field).join(', ')}. POST …/check shows what is missing.`, { errors });

/** Each data request is a sub-case with its own track and authority, so a supplement cannot add or drop one. */
export const changedSources = (errors: FieldProblem[]) =>
  new DomainError('data-requests-changed', 'A supplement cannot add or remove data sources; withdraw and apply anew instead.', { errors });

/** Refuses with the first of the problems `submissionProblems` found, in the order submit has always checked them. */
export function assertSubmittable({ invalid, missing, changedSources: changed }: SubmissionProblems): void {
  if (invalid.length) throw invalidContent(invalid);
  if (missing.length) throw incomplete(missing);
  if (changed.length) throw changedSources(changed);
}

export const forbidden = (detail: string) => new ForbiddenError(detail);
