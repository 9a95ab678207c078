import { RESPONSE_HEADERS } from '@kp/http';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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
  document.components = { ...document.components, headers: RESPONSE_HEADERS };
  markPublicOperations(document);
  return document;
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
