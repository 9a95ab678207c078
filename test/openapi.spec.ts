import { createValidationPipe, setsETag } from '@kp/http';
import { INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DECORATORS, OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { ApiModule } from '../apps/api/src/api.module';
import { buildOpenApiDocument } from '../apps/api/src/openapi/openapi-document';
import { COMMAND_EXAMPLES } from '../apps/api/src/openapi/command-examples';
import { ApplicationContentDto } from '../apps/api/src/applications/dto/application-content.dto';

/**
 * The contract a generated client is built on (issue 11): every success answer has a schema, every
 * error the one Problem schema, each operation a stable id, a summary and a description, and the
 * headers the handlers read and set are the ones documented.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const LAW_DATES = ['2029-03-26'];

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) => METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] as OperationObject }] : [])));
  const name = ({ method, path }: { method: string; path: string }) => `${method.toUpperCase()} ${path}`;
  const responses = (operation: OperationObject) => Object.entries(operation.responses) as [string, ResponseObject][];

  beforeAll(async () => {
    app = await NestFactory.create(ApiModule.register({ withWorker: false }), { preview: true, logger: false, abortOnError: false });
    document = buildOpenApiDocument(app);
  });

  afterAll(() => app.close());

  it('has the routes of every controller', () => {
    expect(operations().length).toBeGreaterThanOrEqual(50);
  });

  it('gives every success answer with a body a JSON schema (a PDF document: a binary one), and 204 none', () => {
    const missing = operations().flatMap((op) =>
      responses(op.operation)
        .filter(([status]) => status.startsWith('2'))
        .filter(([status, response]) => (status === '204' ? response.content !== undefined : !(response.content?.['application/json']?.schema ?? response.content?.['application/pdf']?.schema)))
        .map(([status]) => `${name(op)} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('answers every error with the one Problem schema, and documents 429 (with Retry-After) and 500 everywhere', () => {
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    const wrong = operations().flatMap((op) =>
      responses(op.operation)
        .filter(([status]) => !status.startsWith('2'))
        .filter(([, response]) => JSON.stringify(response.content) !== JSON.stringify(problem))
        .map(([status]) => `${name(op)} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(operations().filter((op) => !op.operation.responses['500']).map(name)).toEqual([]);
    const retryAfter = (operation: OperationObject) => (operation.responses['429'] as ResponseObject | undefined)?.headers?.['Retry-After'];
    expect(operations().filter((op) => !retryAfter(op.operation)).map(name)).toEqual([]);
  });

  it('names every operation with a unique camelCase operationId, a summary and a description', () => {
    const ids = operations().map((op) => op.operation.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id ?? ''))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operations().filter((op) => !op.operation.summary || !op.operation.description).map(name)).toEqual([]);
  });

  it('files every operation under one tag the document describes, and describes only tags in use', () => {
    const described = new Map((document.tags ?? []).map((t) => [t.name, t.description]));
    expect([...described.values()].filter((d) => !d)).toEqual([]);
    expect(operations().filter((op) => op.operation.tags?.length !== 1 || !described.has(op.operation.tags[0])).map(name)).toEqual([]);
    const used = new Set(operations().map((op) => op.operation.tags![0]));
    expect([...described.keys()].filter((tag) => !used.has(tag))).toEqual([]);
  });

  it('declares each header parameter once per operation, If-Match optional, Idempotency-Key with its format', () => {
    const headers = (op: OperationObject) => (op.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p) && p.in === 'header');
    for (const op of operations()) {
      const names = headers(op.operation).map((h) => h.name);
      expect({ op: name(op), names }).toEqual({ op: name(op), names: [...new Set(names)] });
      for (const header of headers(op.operation)) expect({ op: name(op), header: header.name, required: header.required }).toEqual({ op: name(op), header: header.name, required: false });
    }
    const idempotent = operations().filter((op) => headers(op.operation).some((h) => h.name === 'Idempotency-Key'));
    expect(idempotent.map((op) => op.operation.operationId).sort()).toEqual(['createApplication', 'createStatisticsRequest', 'submitApplication']);
    for (const op of idempotent) {
      expect(headers(op.operation).find((h) => h.name === 'Idempotency-Key')?.schema).toMatchObject({ type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9._:-]{8,128}$' });
    }
  });

  it('documents the ETag header on exactly the routes whose handler sets one', () => {
    const handlers = [...app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.controllers.values()].flatMap(({ metatype }) => {
        const prototype = (metatype as { prototype: Record<string, unknown> }).prototype;
        return Object.getOwnPropertyNames(prototype)
          .map((key) => prototype[key])
          .filter((handler): handler is object => typeof handler === 'function' && Reflect.hasMetadata(DECORATORS.API_OPERATION, handler));
      }),
    );
    const operationId = (handler: object) => (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId: string }).operationId;
    const settingETag = handlers.filter(setsETag).map(operationId).sort();
    const documented = operations()
      .filter((op) => responses(op.operation).some(([status, response]) => status.startsWith('2') && response.headers?.ETag))
      .map((op) => op.operation.operationId!)
      .sort();
    expect(settingETag.length).toBeGreaterThan(10);
    expect(documented).toEqual(settingETag);
  });

  it('declares each response header once, as a component the responses refer to', () => {
    expect(Object.keys(document.components?.headers ?? {}).sort()).toEqual(['Content-Disposition', 'ETag', 'Idempotent-Replayed', 'Location', 'Retry-After']);
    for (const op of operations()) {
      for (const [, response] of responses(op.operation)) {
        for (const header of Object.values(response.headers ?? {})) expect((header as ReferenceObject).$ref).toMatch(/^#\/components\/headers\//);
      }
    }
  });

  it('marks the public routes, and only those, as needing no token', () => {
    const open = operations().filter((op) => op.operation.security?.length === 0).map((op) => op.operation.operationId).sort();
    expect(open).toEqual(['getDataSource', 'getLiveness', 'getQueueHealth', 'getReadiness', 'listDataSources', 'listPublicApplications', 'listPublicDecisions']);
    expect(operations().filter((op) => op.operation.security?.length !== 0 && JSON.stringify(op.operation.security) !== JSON.stringify([{ bearer: [] }])).map(name)).toEqual([]);
  });

  it('gives every command with a body an example, each accepted by the body’s validation, and no example in the past', async () => {
    const bodies = operations().flatMap((op) => {
      const content = op.operation.requestBody && 'content' in op.operation.requestBody ? op.operation.requestBody.content['application/json'] : undefined;
      return content ? [{ ...op, content }] : [];
    });
    expect(bodies.length).toBeGreaterThan(20);
    expect(bodies.filter((op) => !op.content.examples || Object.keys(op.content.examples).length === 0).map(name)).toEqual([]);
    const pipe = createValidationPipe();
    const today = new Date().toISOString().slice(0, 10);
    for (const op of bodies) {
      const schema = (op.content.schema as ReferenceObject).$ref.split('/').pop();
      const commandExamples = COMMAND_EXAMPLES[op.operation.operationId!];
      // The application's example is checked end to end by test/openapi-example.e2e-spec.ts; every other body by its DTO here.
      const dto = commandExamples?.dto ?? ApplicationContentDto;
      expect(`${name(op)}: ${dto.name}`).toBe(`${name(op)}: ${schema}`);
      for (const [key, example] of Object.entries(op.content.examples!)) {
        const value = (example as { value: unknown }).value;
        await expect(pipe.transform(value, { type: 'body', metatype: dto })).resolves.toBeDefined();
        const dates = JSON.stringify(value).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        // A law date names a day in law (EHDS chapter IV applies from 26 March 2029), not a deadline: it does not go stale.
        // The application's data periods lie in the past by nature; its project dates are checked by the e2e test.
        const deadlines = commandExamples ? dates.filter((date) => !LAW_DATES.includes(date)) : [];
        expect({ example: `${name(op)} ${key}`, past: deadlines.filter((date) => date < today) }).toEqual({ example: `${name(op)} ${key}`, past: [] });
      }
    }
  });
});
