import { Controller, Get, INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { ApiProblems } from './problem-response';

/** Every `params` key a domain error is raised with, read from the source (like problem-status.spec.ts). */
const root = resolve(__dirname, '../../..');
const sources = ['libs', 'apps'].flatMap((dir) => tsFiles(join(root, dir))).filter((file) => !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The keys of a params expression: object literals, their spreads and both arms of a condition; `?` when it cannot tell. */
function keysOf(node: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(node)) return keysOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...keysOf(node.whenTrue), ...keysOf(node.whenFalse)];
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((p) => (ts.isSpreadAssignment(p) ? keysOf(p.expression) : p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : ['?']));
  }
  return ['?'];
}

function thrownParams(): { file: string; code: string; key: string }[] {
  return sources.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const subclass = /extends DomainError\b/.test(text);
    const found: { file: string; code: string; key: string }[] = [];
    const visit = (node: ts.Node) => {
      const raises =
        (ts.isNewExpression(node) && node.expression.getText() === 'DomainError') || (subclass && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword);
      const args = raises ? ((node as ts.NewExpression | ts.CallExpression).arguments ?? []) : [];
      if (args.length >= 3) for (const key of keysOf(args[2])) found.push({ file: relative(root, file), code: args[0].getText(), key });
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

@Controller('things')
class ThingsController {
  @Get()
  @ApiProblems(404, 409)
  list() {
    return [];
  }
}

describe('the Problem schema', () => {
  const thrown = thrownParams();
  let app: INestApplication;
  let document: OpenAPIObject;
  const documented = () => Object.keys((document.components?.schemas?.Problem as { properties: object }).properties);

  beforeAll(async () => {
    app = (await Test.createTestingModule({ controllers: [ThingsController] }).compile()).createNestApplication({ logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  });

  afterAll(() => app.close());

  it('is what ApiProblems answers with, for each status it names and for 429 and 500', () => {
    const responses = document.paths['/things'].get!.responses as Record<string, { content: Record<string, { schema: unknown }>; headers?: unknown }>;
    expect(Object.keys(responses).filter((s) => s !== '200')).toEqual(['404', '409', '429', '500']);
    for (const status of ['404', '409', '429', '500']) expect(responses[status].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(responses['429'].headers).toEqual({ 'Retry-After': { $ref: '#/components/headers/Retry-After' } });
  });

  it('finds the params the domain errors carry', () => {
    expect(thrown.map((t) => t.key)).toEqual(expect.arrayContaining(['currentVersion', 'holder', 'errors', 'code']));
  });

  it('documents every param a domain error is raised with as an extension member', () => {
    const members = new Set(documented());
    expect(thrown.filter((t) => !members.has(t.key))).toEqual([]);
  });

  it('documents the members the filter itself writes', () => {
    expect(documented()).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'requestId', 'errors']));
  });
});
