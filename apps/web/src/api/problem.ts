import type { Schema } from '@kp/client';

export type Problem = Schema<'Problem'>;

/** A refused request: the API's problem+json (RFC 9457), its status and the fields it names. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Each named field's messages, by the field's JSON path (`applicant.email`). */
  get fieldErrors(): Record<string, string[]> {
    return Object.fromEntries((this.problem.errors ?? []).map((error) => [error.field, error.messages]));
  }
}

/** The body of a success answer of openapi-fetch, or the problem thrown. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error === undefined && result.response.ok) return result.data as T;
  const body = typeof result.error === 'object' && result.error !== null ? (result.error as Partial<Problem>) : { detail: String(result.error ?? '') };
  throw new ApiProblem(result.response.status, body);
}
