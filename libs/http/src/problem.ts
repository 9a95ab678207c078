import type { FieldError } from '@kp/errors';

/** A field error as answered: the message in the client's language; its rule and values stay inside. */
export type AnsweredFieldError = Pick<FieldError, 'field' | 'messages'>;

/** RFC 9457 problem details; `type` is stable so clients can branch on it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  /** Per-field validation failures: the JSON path of the field and what to fix. */
  errors?: AnsweredFieldError[];
  [extension: string]: unknown;
}

/** Each type resolves to its page in the API documentation (GET /docs/problems/:type, in Danish and English). */
export const PROBLEM_BASE = 'https://kontaktpunkt.dk/docs/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TYPES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  431: ['headers-too-large', 'Request header fields too large'],
  422: ['unprocessable', 'Unprocessable request'],
  428: ['precondition-required', 'Precondition required'],
  429: ['too-many-requests', 'Too many requests'],
  503: ['unavailable', 'Service unavailable'],
};

export function problemType(status: number): { type: string; title: string } {
  const [slug, title] = TYPES[status] ?? (status >= 500 ? ['internal', 'Internal error'] : ['client-error', 'Client error']);
  return { type: PROBLEM_BASE + slug, title };
}
