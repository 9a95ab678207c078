import { ACCEPT_LANGUAGE_PARAMETER, problemResponse, RESPONSE_HEADERS } from '@kp/http';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { COMMAND_EXAMPLES } from './command-examples';
import { OPENAPI_TAGS } from './tags';

/**
 * The OpenAPI document of the API, built from the controllers' decorators: served at /openapi.json
 * by configureApp, written to a file by scripts/openapi.ts (lint, client generation) without
 * starting the server. One builder, so the document a client is generated from is the one served.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('kontaktpunkt')
    .setDescription(
      'Case handling and rule-set screening for research access to Danish health data (Ét kontaktpunkt). ' +
        'Errors are RFC 9457 problem details (`application/problem+json`, schema `Problem`); lists take `?limit=&cursor=`; ' +
        'commands on a case or an application take `If-Match` with the ETag you read (412 when stale).',
    )
    .setVersion('1')
    .addServer('/', 'This deployment')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An OIDC access token (or one from `npm run token` in development)' }, 'bearer');
  for (const tag of OPENAPI_TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  // Not published under a licence: a name without a URL (DocumentBuilder.setLicense always writes one).
  config.info.license = { name: 'Proprietary (UNLICENSED)' };
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, headers: RESPONSE_HEADERS, parameters: { ...document.components?.parameters, AcceptLanguage: ACCEPT_LANGUAGE_PARAMETER } };
  markPublicOperations(document);
  documentLanguageAndMediaType(document);
  unwrapLoneAllOf(document);
  addCommandExamples(document);
  return document;
}

/** Each command's examples (command-examples.ts) beside its body's schema, where its decorators gave none. */
function addCommandExamples(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['put', 'post', 'patch'] as const) {
      const operation = item[method];
      const body = operation?.requestBody && 'content' in operation.requestBody ? operation.requestBody.content['application/json'] : undefined;
      const examples = operation?.operationId ? COMMAND_EXAMPLES[operation.operationId]?.examples : undefined;
      if (body && examples && !body.examples) body.examples = examples;
    }
  }
}

/**
 * Nest writes a reference to a named enum as `allOf: [{ $ref }]` even with nothing beside it; that
 * is the reference itself (Redocly: no-illogical-composition-keywords). With a description or
 * `nullable` beside it the wrapper is what OpenAPI 3.0 needs, and stays.
 */
function unwrapLoneAllOf(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const lone = typeof value === 'object' && value !== null && Object.keys(value).length === 1 && Array.isArray(value.allOf) && value.allOf.length === 1;
    if (lone) (node as Record<string, unknown>)[key] = value.allOf[0];
    unwrapLoneAllOf((node as Record<string, unknown>)[key]);
  }
}

/**
 * What configureApp does for every route, which no route's decorators say: problems answer in the
 * language of Accept-Language, and a body that is not JSON is refused with 415 (requireJsonBody).
 */
function documentLanguageAndMediaType(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/AcceptLanguage' }];
      if (operation.requestBody && !operation.responses['415']) operation.responses['415'] = problemResponse(415);
    }
  }
}

/**
 * An operation without a security requirement is public (its controller says `@Public()`, and
 * `@ApiBearerAuth()` everywhere else): OpenAPI says so with an explicit empty list, which the
 * decorators cannot express. test/openapi.e2e-spec.ts holds this against the guard.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security?.length) operation.security = [];
    }
  }
}
