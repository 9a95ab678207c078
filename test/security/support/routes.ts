import { INestApplication } from '@nestjs/common';
import request from 'supertest';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the app answers, as "METHOD /path/{param}", read from Express's router as Nest
 * registered it: what a client can reach, documented or not (the OpenAPI document leaves out the
 * development sign-in and the problem-type pages).
 */
export function appRoutes(app: INestApplication): string[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  const routes = stack.flatMap((layer) =>
    layer.route
      ? Object.entries(layer.route.methods)
          .filter(([method, on]) => on && method !== '_all')
          .map(([method]) => normalise(method.toUpperCase(), layer.route!.path.replace(/:(\w+)/g, '{$1}')))
      : [],
  );
  return [...new Set(routes)].sort();
}

/**
 * Swagger UI's page and files are one route (GET /docs); the catch-all that answers unknown paths
 * (every method) is one: ANY /{*path}.
 */
function normalise(method: string, path: string): string {
  if (path === '/{*path}') return 'ANY /{*path}';
  if (method === 'GET' && /^\/docs(\/|$)/.test(path) && !path.startsWith('/docs/problems')) return 'GET /docs';
  return `${method} ${path}`;
}

/** Every operation of /openapi.json, as "METHOD /path/{param}". */
export async function openApiRoutes(server: Parameters<typeof request>[0]): Promise<string[]> {
  const document = (await request(server).get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}
