import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** A response or request body shape of the API by its schema name, e.g. `Schema<'Case'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type KontaktpunktClient = Client<paths>;

/**
 * A typed client of the kontaktpunkt API for the console and for integrators: openapi-fetch over the
 * types `npm run client:generate` writes from the API's OpenAPI document into schema.d.ts. Every
 * path, parameter, body and answer is typed; errors come back as `error` with the Problem shape.
 *
 *   const api = createKontaktpunktClient({ baseUrl: 'https://…', headers: { Authorization: `Bearer ${token}` } });
 *   const { data, error, response } = await api.GET('/v1/cases/{id}', { params: { path: { id: 'EK-2026-000123' } } });
 */
export function createKontaktpunktClient(options: ClientOptions): KontaktpunktClient {
  return createClient<paths>(options);
}
