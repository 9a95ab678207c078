import { JWTPayload } from 'jose';

/**
 * Why a token's claimed lifetime (exp − iat) is refused, or undefined when it is within the
 * maximum. jose checks that exp and iat are present numbers, exp not past and iat not in the
 * future; it has no notion of a longest lifetime, so a stolen token signed for a year would
 * otherwise be good for a year.
 */
export function lifetimeProblem(payload: JWTPayload, maxLifetimeS: number): string | undefined {
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') return 'the token lacks a numeric exp or iat';
  if (exp <= iat) return `the token expires (exp ${exp}) before it was issued (iat ${iat})`;
  if (exp - iat > maxLifetimeS) return `the token's lifetime of ${exp - iat} s exceeds the maximum of ${maxLifetimeS} s (TOKEN_MAX_LIFETIME_S)`;
  return undefined;
}
