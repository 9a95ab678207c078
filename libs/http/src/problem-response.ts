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
  422: 'Well-formed, but refused by the rules (`errors` names the fields where it can)',
  429: 'Too many requests from your address or with your token in the window; try again after `Retry-After` seconds (`retryAfter`)',
  500: 'Something went wrong on our side; quote `requestId`',
  503: 'A dependency (the database or the queue) does not answer',
};

/**
 * Documents the problem+json answers a route can give, each with the shared `Problem` schema.
 * Every route can fail on the server's side and be rate limited, so 429 and 500 are always among them.
 */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...[...new Set([...statuses, 429, 500])].map((status) =>
      ApiResponse({
        status,
        description: MEANING[status] ?? 'RFC 9457 problem details',
        ...(status === 429 ? { headers: responseHeaders('Retry-After') } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
      }),
    ),
  );
}
