import { DomainError } from './domain-error';

/**
 * An object that does not exist or that this actor may not see: the existence of health data is
 * not disclosed, so both answer alike. `what` and `id` are for wording only; the answer carries no
 * extension members.
 */
export class NotFoundError extends DomainError {
  constructor(
    readonly what: string,
    readonly id: string,
    detail = `There is no ${what} ${id} that you can see.`,
  ) {
    super('not-found', detail);
  }
}

export const notFound = (what: string, id: string) => new NotFoundError(what, id);
