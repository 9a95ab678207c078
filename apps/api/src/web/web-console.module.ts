import { APP_CONFIG, AppConfig } from '@kp/config';
import { Logger, Module } from '@nestjs/common';
import { ServeStaticModule, ServeStaticModuleOptions } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';

/** What stays the API's: problem+json 404s under /v1, Swagger UI, the document and health. */
export const NOT_THE_CONSOLE = ['/v1{/*path}', '/docs{/*path}', '/openapi.json', '/health{/*path}'];

/** Vite names built assets by content hash, so they never change; the page itself must be revalidated. */
function cacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The web console (apps/web, built into WEB_DIR) at `/`, with every other path that is not the
 * API's answered by its index.html so the browser router takes over (deep links, reloads). Without
 * a build the API runs alone and says how to build it.
 */
export function webConsoleOptions(config: Pick<AppConfig, 'webDir'>): ServeStaticModuleOptions[] {
  if (!existsSync(join(config.webDir, 'index.html'))) {
    new Logger('WebConsole').warn(`no web console in ${config.webDir} (npm run build:web builds it); serving the API only`);
    return [];
  }
  return [{ rootPath: config.webDir, exclude: NOT_THE_CONSOLE, serveStaticOptions: { index: false, setHeaders: cacheHeaders } }];
}

@Module({
  imports: [ServeStaticModule.forRootAsync({ inject: [APP_CONFIG], useFactory: webConsoleOptions })],
})
export class WebConsoleModule {}
