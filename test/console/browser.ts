import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/**
 * What the browser tests of the console share: Debian's Chromium (`apt-get install -y chromium`;
 * .ci/run installs it) with the flags a headless run in CI needs, the built console, where
 * screenshots go, and the accessibility check every page passes.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIR = resolve(__dirname, '../../dist/web');
/** Screenshots go to dist/screenshots; UPDATE_SCREENSHOTS=1 writes the README's, in docs/screenshots. */
export const SHOTS = resolve(__dirname, process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../dist/screenshots');

/** What is missing for a browser test to run; it skips (saying so) rather than fails without them. */
export function missingForBrowser(label: string): string[] {
  const missing = [!existsSync(CHROMIUM) && `Chromium (${CHROMIUM}; apt-get install -y chromium)`, !existsSync(join(WEB_DIR, 'index.html')) && 'the built console (npm run build:web)'].filter((item): item is string => Boolean(item));
  if (missing.length > 0) console.warn(`${label} skipped: missing ${missing.join(' and ')}`);
  return missing;
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/**
 * WCAG 2.1 A and AA by axe-core (through @axe-core/playwright, which drives playwright-core's
 * page): the serious and critical violations on the page as it is now, as "rule: target" lines,
 * so a failing test names what to fix.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`));
}
