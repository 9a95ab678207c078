import type { Actor } from './session';

/** Who the API says a provider's access token belongs to (its claims mapped by libs/auth/src/claims.ts). */
export async function actorOf(token: string): Promise<Actor> {
  const response = await fetch('/v1/me', { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`/v1/me: ${response.status}`);
  return (await response.json()) as Actor;
}
