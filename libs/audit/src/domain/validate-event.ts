import { NewAuditEvent } from './audit-event';

/** Raised when an event is not fit to be recorded; nothing is written. */
export class InvalidAuditEventError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid audit event: ${problems.join('; ')}`);
    this.name = 'InvalidAuditEventError';
  }
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const MAX_TEXT = 200;

function text(value: unknown, field: string, problems: string[]): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push(`${field} must be a non-empty string`);
  else if (value.length > MAX_TEXT) problems.push(`${field} must be at most ${MAX_TEXT} characters`);
}

/**
 * Checks an event before it enters the chain: an audit record must name who did what to which
 * object (the worker calls use cases without an HTTP edge, so the command validates itself).
 * Actions are dotted lower-case names, `<subject>.<verb>`, e.g. `decision.issued`, `case.viewed`.
 */
export function validateNewAuditEvent(event: NewAuditEvent): void {
  const problems: string[] = [];
  text(event?.actor?.sub, 'actor.sub', problems);
  text(event?.actor?.role, 'actor.role', problems);
  const organisation = event?.actor?.organisation;
  if (organisation !== undefined && organisation !== null) text(organisation, 'actor.organisation', problems);
  text(event?.action, 'action', problems);
  if (typeof event?.action === 'string' && !ACTION.test(event.action)) {
    problems.push('action must be dotted lower case, e.g. "decision.issued"');
  }
  text(event?.subject?.type, 'subject.type', problems);
  text(event?.subject?.id, 'subject.id', problems);
  const payload = event?.payload;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    problems.push('payload must be a JSON object');
  }
  if (problems.length > 0) throw new InvalidAuditEventError(problems);
}
