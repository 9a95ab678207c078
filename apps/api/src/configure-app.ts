import { APP_CONFIG, AppConfig } from '@kp/config';
import { createValidationPipe, ProblemDetailsFilter, REQUEST_BODY_LIMIT } from '@kp/http';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebConsole } from './web/serve-web-console';

/** HTTP behaviour shared by main.ts and the e2e tests, so tests run the same app users get. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  (app.getHttpAdapter().getInstance() as { disable(name: string): void }).disable('x-powered-by');
  // Bodies: JSON up to REQUEST_BODY_LIMIT (larger: 413 problem); nesting and text are checked by the pipe.
  (app as NestExpressApplication).useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  // After /docs and /openapi.json, before the API's routes (the fallback passes /v1 on to them).
  serveWebConsole(app as NestExpressApplication, app.get<AppConfig>(APP_CONFIG).webDir);
  return app;
}
