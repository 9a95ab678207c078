import { ClockEventError, ClockExtensionError } from '@kp/clock';
import { DomainError } from '@kp/errors';

const EXTENSION_FIELD: Record<ClockExtensionError['code'], string | undefined> = {
  reason_required: 'reason',
  invalid_months: 'months',
  cap_exceeded: 'months',
  not_in_decision_phase: undefined,
  limit_expired: undefined,
};

/** An extension EHDS art. 68(4) does not allow, named by field when one field is at fault. */
export function extensionRefused(error: ClockExtensionError): DomainError {
  const field = EXTENSION_FIELD[error.code];
  return new DomainError('clock-extension-refused', `The extension is not allowed: ${error.message}.`, {
    code: error.code,
    ...(field ? { errors: [{ field, messages: [error.message] }] } : {}),
  });
}

/** The clock history would not be a possible one (e.g. paused twice): the case changed under the request. */
export const clockConflict = (error: ClockEventError) =>
  new DomainError('clock-conflict', `The statutory clock cannot take this step: ${error.message}.`, { code: error.code });
