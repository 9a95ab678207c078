import { JWTPayload } from 'jose';
import { Actor, isRole } from './actor';

/** Claim names in our tokens; an external OIDC provider is mapped onto these. */
export const CLAIMS = { role: 'kp_role', organisation: 'kp_org', region: 'kp_region', name: 'name', email: 'email', locale: 'locale' } as const;

export class InvalidClaimsError extends Error {}

/** The longest subject we store (audit events and case records carry it). */
const MAX_SUBJECT_LENGTH = 255;

/**
 * Claim text reaches PostgreSQL, which refuses NUL; a lone UTF-16 surrogate has no UTF-8 form. A
 * token carrying either is refused rather than answered with a 500 on its first write.
 */
/** A plausible address (one @, no spaces, a dot in the domain), at most 254 characters (RFC 5321). */
const EMAIL = /^(?=.{3,254}$)[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A BCP 47 language tag such as `da`, `da-DK` or `en-GB`. */
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function actorFromClaims(payload: JWTPayload): Actor {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH || UNSTORABLE.test(sub)) {
    throw new InvalidClaimsError(`the token's subject (sub) is not a non-empty string of at most ${MAX_SUBJECT_LENGTH} storable characters`);
  }
  const role = payload[CLAIMS.role];
  if (!isRole(role)) throw new InvalidClaimsError(`the token's ${CLAIMS.role} claim is not a known role`);
  const text = (name: string): string | undefined => {
    const value = payload[name];
    if (typeof value !== 'string') return undefined;
    if (UNSTORABLE.test(value)) throw new InvalidClaimsError(`the token's ${name} claim holds NUL or a lone surrogate`);
    return value;
  };
  // An e-mail claim that is no address is left out rather than refused: it only decides where notices go.
  const email = text(CLAIMS.email);
  const locale = text(CLAIMS.locale);
  return {
    sub,
    role,
    organisation: text(CLAIMS.organisation),
    region: text(CLAIMS.region),
    name: text(CLAIMS.name),
    ...(email !== undefined && EMAIL.test(email) ? { email } : {}),
    ...(locale !== undefined && LOCALE.test(locale) ? { locale } : {}),
  };
}
