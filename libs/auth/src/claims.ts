import { JWTPayload } from 'jose';
import { Actor, isRole } from './actor';

/** Claim names in our tokens; an external OIDC provider is mapped onto these. */
export const CLAIMS = { role: 'kp_role', organisation: 'kp_org', region: 'kp_region', name: 'name' } as const;

export class InvalidClaimsError extends Error {}

export function actorFromClaims(payload: JWTPayload): Actor {
  const role = payload[CLAIMS.role];
  if (!payload.sub) throw new InvalidClaimsError('the token has no subject (sub)');
  if (!isRole(role)) throw new InvalidClaimsError(`the token's ${CLAIMS.role} claim is not a known role`);
  const text = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
  return {
    sub: payload.sub,
    role,
    organisation: text(CLAIMS.organisation),
    region: text(CLAIMS.region),
    name: text(CLAIMS.name),
  };
}
