/** Base of the clock's typed errors: `code` tells the caller which rule the history broke. */
export abstract class ClockError extends Error {
  abstract readonly code: string;
}

export type ClockEventErrorCode =
  | 'invalid_instant'
  | 'not_received'
  | 'received_twice'
  | 'completed_twice'
  | 'already_paused'
  | 'not_paused';

/** The event history is not a possible history of a case (e.g. resumed without a pause). */
export class ClockEventError extends ClockError {
  constructor(
    readonly code: ClockEventErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClockEventError';
  }
}

export type ClockExtensionErrorCode =
  | 'reason_required'
  | 'invalid_months'
  | 'cap_exceeded'
  | 'not_in_decision_phase'
  | 'limit_expired';

/** An extension EHDS art. 68(4) does not allow: without a reason, beyond the cap, or too late. */
export class ClockExtensionError extends ClockError {
  constructor(
    readonly code: ClockExtensionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClockExtensionError';
  }
}
