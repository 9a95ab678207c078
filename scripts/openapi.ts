// npm run -s openapi -- [file]
// Writes the API's OpenAPI document (as /openapi.json serves it) to file, or to stdout, without
// starting the server; `npm run openapi:lint` and `npm run client:generate` read it from there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openApiDocumentWithoutServer } from '../apps/api/src/openapi/document-without-server';

async function main(): Promise<void> {
  const json = `${JSON.stringify(await openApiDocumentWithoutServer(), null, 2)}\n`;
  const file = process.argv[2];
  if (!file) return void process.stdout.write(json);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, json);
}

main().catch((error: unknown) => {
  console.error('openapi:', error);
  process.exit(1);
});
