import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

/** What stays the API's: problem+json 404s under /v1, Swagger UI, the document, health — and /metrics, which is never served on the public port (METRICS_PORT), so it answers 404 here rather than the console. */
const NOT_THE_CONSOLE = /^\/(v1|docs|health|metrics)(\/|$)|^\/openapi\.json$/;

/** Vite names built assets by content hash, so they never change; the page itself must be revalidated. */
function cacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The web console (apps/web, built into WEB_DIR) at `/`: its files, and its index.html for every
 * other GET that is not the API's, so the browser router takes over (deep links, reloads). Without
 * a build the API runs alone and says how to build it. Plain express rather than
 * @nestjs/serve-static, whose module registers nothing in an app made by Test.createTestingModule
 * (it looks for the HTTP adapter before the testing module has one), so the e2e tests would not see it.
 */
export function serveWebConsole(app: NestExpressApplication, webDir: string): boolean {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebConsole').warn(`no web console in ${webDir} (npm run build:web builds it); serving the API only`);
    return false;
  }
  app.useStaticAssets(webDir, { index: false, setHeaders: cacheHeaders });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_CONSOLE.test(req.path)) return next();
    cacheHeaders(res, index);
    res.sendFile(index);
  });
  return true;
}
