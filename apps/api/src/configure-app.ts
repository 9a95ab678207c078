import { APP_CONFIG, AppConfig } from '@kp/config';
import { answerParserRefusalsWithProblems, corsOptions, createValidationPipe, noStoreByDefault, ProblemDetailsFilter, REQUEST_BODY_LIMIT, requireJsonBody, securityHeaders } from '@kp/http';
import { httpMetricsMiddleware, Metrics } from '@kp/metrics';
import { assignRequestId } from '@kp/platform';
import { AddressRateLimit, RateLimitGuard } from '@kp/rate-limit';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebConsole } from './web/serve-web-console';

/** Swagger UI and the OpenAPI document: the same for everyone, so they may be cached. */
const DOCUMENTATION_PATHS = ['/docs', '/openapi.json'];

/** HTTP behaviour shared by main.ts and the e2e tests, so tests run the same app users get. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  // The request id first, so a body refused before the logger runs (413, 415, 429) still carries it.
  app.use(assignRequestId);
  // What Node's HTTP parser refuses before express (headers over 16 KiB, bytes that are not HTTP): problem+json too.
  answerParserRefusalsWithProblems(app.getHttpServer());
  // Latency by route pattern and status, for every answer including refusals (served on METRICS_PORT only).
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  // The client's address (per-IP limits) and whether TLS was in front, as the proxies we trust report them.
  express.set('trust proxy', config.http.trustProxy);
  // In front of everything, /docs and unknown paths included: headers first, so refusals carry them too.
  app.use(securityHeaders({ hstsMaxAgeS: config.http.hstsMaxAgeS, inlineStylePaths: ['/docs'], identityProviderOrigin: config.oidc?.console && new URL(config.oidc.issuer).origin }));
  app.use(noStoreByDefault(DOCUMENTATION_PATHS));
  if (config.http.corsOrigins.length > 0) app.enableCors(corsOptions(config.http.corsOrigins));
  // Before the body is read: a blocked address costs no parsing and no token verification.
  app.use(app.get(AddressRateLimit).middleware);
  // Bodies: JSON only (else 415), up to REQUEST_BODY_LIMIT (larger: 413 problem); nesting and text are checked by the pipe.
  app.use(requireJsonBody);
  express.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.useGlobalPipes(createValidationPipe());
  // After the token guard (a global APP_GUARD, registered when the module was compiled): it needs the actor.
  app.useGlobalGuards(app.get(RateLimitGuard));
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Built on the first request for it, not at start (issue 17: the scan was 8 % of a start's CPU);
  // the contract test builds it in every run, so a broken document still fails the build.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'openapi.json', raw: ['json'], swaggerOptions: { validatorUrl: null } });
  // After /docs and /openapi.json, before the API's routes (the fallback passes /v1 on to them).
  serveWebConsole(express, config.webDir);
  return app;
}
