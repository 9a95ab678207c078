import { DomainError, ForbiddenError, ValidationFailedError } from '@kp/errors';
import { FieldProblem } from './application-content';

export const invalidContent = (errors: FieldProblem[]) =>
  new ValidationFailedError(`The application has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`, errors);

export const incomplete = (errors: FieldProblem[]) =>
  new DomainError('incomplete-application', `The application is not complete: ${errors.map((e) => e.field).join(', ')}. POST …/check shows what is missing.`, { errors });

export const forbidden = (detail: string) => new ForbiddenError(detail);
