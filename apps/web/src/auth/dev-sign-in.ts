import type { Actor, Session } from './session';

/**
 * The API's development sign-in (apps/api/src/auth/dev-sign-in.controller.ts): a 404 there means
 * the API verifies tokens from an OIDC provider instead, and this page says so. It is no part of
 * the OpenAPI contract, hence plain fetch rather than the typed client.
 */
const PATH = '/v1/dev/sign-in';

export async function devPersonas(): Promise<Actor[] | null> {
  const response = await fetch(PATH, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${PATH}: ${response.status}`);
  return ((await response.json()) as { personas: Actor[] }).personas;
}

export async function devSignIn(sub: string): Promise<Session> {
  const response = await fetch(PATH, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ sub }) });
  if (!response.ok) throw new Error(`${PATH}: ${response.status}`);
  const { token, actor } = (await response.json()) as { token: string; actor: Actor };
  return { token, actor };
}
