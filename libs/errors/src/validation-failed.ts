import { DomainError, FieldError } from './domain-error';

/** Input a use case refuses, with one entry per field at fault when it can name them. */
export class ValidationFailedError extends DomainError {
  constructor(detail: string, errors?: FieldError[]) {
    super('validation', detail, errors ? { errors } : {});
  }
}
