import { DomainError } from './domain-error';

/** A pagination cursor this API did not give out, refused before it reaches SQL. */
export class BadCursorError extends DomainError {
  constructor() {
    super('bad-cursor', 'cursor is not one this API gave out; start again without it.');
  }
}
