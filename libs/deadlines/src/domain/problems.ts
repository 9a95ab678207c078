import { ClockEventError, ClockExtensionError } from '@kp/clock';
import { DomainError } from '@kp/errors';

/** The field at fault, and its message key (libs/http problem texts), per refusal; none when no one field is. */
const EXTENSION_FIELD: Record<ClockExtensionError['code'], { field: string; rule: string } | undefined> = {
  reason_required: { field: 'reason', rule: 'extension-reason' },
  invalid_months: { field: 'months', rule: 'extension-months' },
  cap_exceeded: { field: 'months', rule: 'extension-cap' },
  not_in_decision_phase: undefined,
  limit_expired: undefined,
};

/** An extension EHDS art. 68(4) does not allow, named by field when one field is at fault. */
export function extensionRefused(error: ClockExtensionError): DomainError {
  const at = EXTENSION_FIELD[error.code];
  return new DomainError('clock-extension-refused', `The extension is not allowed: ${error.message}.`, {
    code: error.code,
    ...(at ? { errors: [{ field: at.field, messages: [error.message], rule: at.rule }] } : {}),
  });
}

/** The clock history would not be a possible one (e.g. paused twice): the case changed under the request. */
export const clockConflict = (error: ClockEventError) =>
  new DomainError('clock-conflict', `The statutory clock cannot take this step: ${error.message}.`, { code: error.code });
