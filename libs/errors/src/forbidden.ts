import { DomainError } from './domain-error';

/** The actor's role may never do this, whatever the object (objects they may not see are not-found). */
export class ForbiddenError extends DomainError {
  constructor(detail: string) {
    super('forbidden', detail);
  }
}
