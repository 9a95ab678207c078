import { isRole } from '@kp/auth';
import { NewNotification } from './notification';

/** Raised for a notice that could never reach anyone or read sensibly: a programming error in the caller. */
export class InvalidNotificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid notification: ${problems.join('; ')}`);
    this.name = 'InvalidNotificationError';
  }
}

const KIND = /^[a-z][a-z0-9_]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TITLE = 200;
const MAX_BODY = 4000;

/**
 * A person's text quoted in a notice, cut to fit the notice's body (a notice is at most 4,000
 * characters; the whole text stays on the case, where the notice points).
 */
export function quoteInNotice(text: string, room = 3000, more = { da: '… (hele teksten står på sagen)', en: '… (the whole text is on the case)' }): { da: string; en: string } {
  if (text.length <= room) return { da: text, en: text };
  const cut = text.slice(0, room).trimEnd();
  return { da: `${cut}${more.da}`, en: `${cut}${more.en}` };
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The command validates itself (STYLE.md): the worker and other libs call `notify` without an HTTP
 * request in front of it, so the shape is checked here, not only by a DTO.
 */
export function validateNewNotification(input: NewNotification): void {
  const problems: string[] = [];
  const to = input.to as unknown as Record<string, unknown> | undefined;
  if (!to || typeof to !== 'object') problems.push('to is required');
  else if ('sub' in to) {
    if (!text(to.sub)) problems.push('to.sub must be a non-empty string');
    if ('role' in to || 'organisation' in to || 'region' in to) problems.push('to is either { sub } or { role, organisation?, region? }');
  } else {
    if (!isRole(to.role)) problems.push('to.role must be a known role');
    if (to.organisation !== undefined && !text(to.organisation)) problems.push('to.organisation must be a non-empty string');
    if (to.region !== undefined && !text(to.region)) problems.push('to.region must be a non-empty string');
  }
  if (typeof input.kind !== 'string' || !KIND.test(input.kind)) problems.push('kind must be a snake_case code');
  if (input.caseId !== undefined && (typeof input.caseId !== 'string' || !UUID.test(input.caseId))) problems.push('caseId must be a UUID');
  if (input.caseNumber !== undefined && !text(input.caseNumber)) problems.push('caseNumber must be a non-empty string');
  for (const [field, max] of [['title', MAX_TITLE], ['body', MAX_BODY]] as const) {
    for (const language of ['da', 'en'] as const) {
      const value = input[field]?.[language];
      if (!text(value)) problems.push(`${field}.${language} is required`);
      else if (value.length > max) problems.push(`${field}.${language} must be at most ${max} characters`);
    }
  }
  if (problems.length > 0) throw new InvalidNotificationError(problems);
}
