#!/usr/bin/env node
/**
 * The console's first page must stay under 200 kB of gzipped JavaScript (issue 12: "first page
 * < 200 KB gzipped JS, checked at build"). `npm run build:web` runs this after `vite build`.
 *
 * "The first page" is what a browser must fetch before anything shows: the entry chunk named by
 * index.html and every chunk it imports statically, walked through Vite's manifest. Chunks loaded
 * with import() (the overview's Observable Plot) load later and do not count. Sizes are gzip at
 * zlib's default level, as Vite's own report prints them; kB = 1,000 bytes, as there.
 *
 *   node scripts/check-web-bundle.mjs [webDir] [limitKb]   (defaults: dist/web, 200; WEB_JS_BUDGET_KB overrides)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const webDir = resolve(process.argv[2] ?? 'dist/web');
const limitKb = Number(process.argv[3] ?? process.env.WEB_JS_BUDGET_KB ?? 200);
const manifestPath = join(webDir, '.vite', 'manifest.json');

if (!existsSync(manifestPath)) {
  console.error(`web bundle check: no ${manifestPath}; build the console with npm run build:web (vite's build.manifest must be on)`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0) {
  console.error(`web bundle check: ${manifestPath} names no entry chunk`);
  process.exit(2);
}

/** The entry and its static imports, each once. */
const firstPage = new Set();
const visit = (key) => {
  if (firstPage.has(key) || !manifest[key]) return;
  firstPage.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
entries.forEach(visit);

const files = [...firstPage].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(webDir, file))).length }));
const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const summary = `first page JS: ${kb(total)} gzipped in ${files.length} file(s) (${sizes.map(({ file, gzip }) => `${file} ${kb(gzip)}`).join(', ')}); limit ${limitKb} kB`;
if (total > limitKb * 1000) {
  console.error(`web bundle check FAILED: ${summary}.`);
  console.error(`It is ${kb(total - limitKb * 1000)} over. Load the heavy part with import() where the page that needs it opens (as the overview loads Observable Plot), or drop a dependency.`);
  process.exit(1);
}
console.log(`web bundle check: ${summary}.`);
