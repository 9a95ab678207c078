import { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import request from 'supertest';
import { openApiDocumentWithoutServer } from '../apps/api/src/openapi/document-without-server';
import { startTestApp, TestApp } from './support/app';

/**
 * The document scripts/openapi.ts writes (lint, client generation) is the one the running API
 * serves, and its security requirements say what the token guard does.
 */
describe('the served OpenAPI document (e2e)', () => {
  let t: TestApp;
  let served: OpenAPIObject;

  beforeAll(async () => {
    t = await startTestApp('openapi');
    served = (await request(t.server).get('/openapi.json').expect(200)).body;
  });

  afterAll(() => t.close());

  it('is the document built without a server, which the client is generated from', async () => {
    expect(served).toEqual(JSON.parse(JSON.stringify(await openApiDocumentWithoutServer())));
  });

  it('asks for a token exactly where the guard refuses a request without one', async () => {
    const mismatches: string[] = [];
    for (const [path, item] of Object.entries(served.paths)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        const operation = item[method] as OperationObject | undefined;
        if (!operation) continue;
        const url = path.replace(/\{[^}]+\}/g, 'EK-2026-999999');
        const status = (await request(t.server)[method](url).send({})).status;
        const documentedPublic = operation.security?.length === 0;
        if (documentedPublic === (status === 401)) mismatches.push(`${method.toUpperCase()} ${path}: documented ${documentedPublic ? 'public' : 'bearer'}, answered ${status} without a token`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
