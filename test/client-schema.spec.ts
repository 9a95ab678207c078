import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApiDocumentWithoutServer } from '../apps/api/src/openapi/document-without-server';

/**
 * libs/client/src/schema.d.ts is generated (`npm run client:generate`) and committed, so the console and
 * integrators get the client without running the API. These tests fail when it no longer matches
 * the document the API serves, and when a success answer in it has no body type.
 */
const committed = readFileSync(resolve(__dirname, '../libs/client/src/schema.d.ts'), 'utf8');
const cli = resolve(__dirname, '../node_modules/openapi-typescript/bin/cli.js');

describe('the generated client types (libs/client/src/schema.d.ts)', () => {
  it('are what openapi-typescript makes of the current document: run `npm run client:generate` when this fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-client-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(await openApiDocumentWithoutServer(), null, 2));
      execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '--output', join(dir, 'schema.d.ts')], { stdio: 'pipe' });
      expect(readFileSync(join(dir, 'schema.d.ts'), 'utf8')).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('give every success answer a body type, except 204 No Content', () => {
    // Each response is `<status>: { headers: …; content…; }` inside a `responses: { … }` block.
    const bodiless = [...committed.matchAll(/^\s+(\d{3}): \{\n\s+headers: \{[^}]*\};\n\s+content\?: never;/gm)].map((m) => m[1]);
    expect(bodiless.filter((status) => status.startsWith('2') && status !== '204')).toEqual([]);
    expect(bodiless.length).toBeGreaterThan(0);
  });
});
