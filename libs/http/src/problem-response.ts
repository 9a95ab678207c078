import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemSchema } from './problem.schema';
import { responseHeaders } from './response-headers';

/** What each status means across this API; the problem's `type` says which refusal it is. */
const MEANING: Record<number, string> = {
  400: 'The request is malformed: a field, a query parameter, a cursor, If-Match or Idempotency-Key (`errors` names the fields)',
  401: 'No bearer token, or one that is not valid',
  403: 'Your role may not do this, or you declared a conflict of interest in the applicant organisation',
  404: 'There is no such object that you can see',
  409: 'The object’s state does not allow this now',
  412: 'If-Match names an older version (`currentVersion` is the one stored)',
  413: 'The request body is larger than the API reads',
  415: 'The request body is not `application/json`',
  422: 'Well-formed, but refused by the rules (`errors` names the fields where it can), or an Idempotency-Key reused with a different body (`idempotency-key-reused`)',
  429: 'Too many requests from your address or with your token in the window; try again after `Retry-After` seconds (`retryAfter`)',
  500: 'Something went wrong on our side; quote `requestId`',
  503: 'A dependency (the database or the queue) does not answer',
};

/**
 * Documents the problem+json answers a route can give, each with the shared `Problem` schema.
 * Every route can fail on the server's side and be rate limited, so 429 and 500 are always among them.
 */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(ApiExtraModels(ProblemSchema), ...[...new Set([...statuses, 429, 500])].map((status) => ApiResponse({ status, ...problemResponse(status) })));
}

/** The documented problem answer of a status, for routes and for the document builder (415 on every route with a body). */
export function problemResponse(status: number): { description: string; headers?: ReturnType<typeof responseHeaders>; content: Record<string, { schema: { $ref: string } }> } {
  return {
    description: MEANING[status] ?? 'RFC 9457 problem details',
    ...(status === 429 ? { headers: responseHeaders('Retry-After') } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
  };
}

/**
 * The language of `title` and `detail` in a problem, declared once as a component parameter
 * (`components.parameters`, added by the document builder) and referred to by every operation.
 */
export const ACCEPT_LANGUAGE_PARAMETER = {
  name: 'Accept-Language',
  in: 'header' as const,
  required: false,
  description: 'The language of a problem’s `title`, `detail` and field messages: `da` (the default) or `en` (RFC 9110 §12.5.4; weights are honoured, e.g. `en;q=0.9, da;q=0.8`). The answer says which in `Content-Language`.',
  schema: { type: 'string' as const, example: 'en' },
};
