import { createValidationPipe, ProblemDetailsFilter, REQUEST_BODY_LIMIT, requireJsonBody } from '@kp/http';
import { assignRequestId } from '@kp/platform';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { buildOpenApiDocument } from './openapi/openapi-document';

/** HTTP behaviour shared by main.ts and the e2e tests, so tests run the same app users get. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  (app.getHttpAdapter().getInstance() as { disable(name: string): void }).disable('x-powered-by');
  // The request id first, so a body refused before the logger runs (413, 415) still carries it.
  app.use(assignRequestId);
  // Bodies: JSON only (else 415), up to REQUEST_BODY_LIMIT (larger: 413 problem); nesting and text are checked by the pipe.
  app.use(requireJsonBody);
  (app as NestExpressApplication).useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  return app;
}
