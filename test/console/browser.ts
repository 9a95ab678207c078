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

/**
 * The whole page, or with `viewport` only what is on screen: a fixed drawer and its overlay cover the
 * viewport, so a full-page picture of an open menu shows the page below it uncovered.
 */
export const screenshot = (page: Page, name: string, { viewport = false } = {}) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !viewport });

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

/** What differs between two applications typed into the guided form's first five sections. */
export interface FormSections {
  title: string;
  purpose: string;
  recordReference: string;
  deletionDate: string;
  committeeNumber: string;
  projectStart: string;
  projectEnd: string;
}

/**
 * Aarhus Universitet's researcher types the guided form's sections from purpose to environment, as
 * a person would (labels in Danish), and moves on to the data requests. Both browser journeys use it.
 */
export async function fillApplicationSections(page: Page, form: FormSections): Promise<void> {
  const next = () => page.getByRole('button', { name: 'Næste' }).click();
  // Formål
  await page.getByLabel('Projektets titel').fill(form.title);
  await page.locator('#f-purpose').fill(form.purpose);
  await page.getByLabel('Formålets kategori').selectOption({ label: 'Videnskabelig forskning' });
  for (const declaration of ['forbyder', 'identificere', 'samfundsmæssig', 'stigmatiserer']) await page.getByRole('checkbox', { name: new RegExp(declaration) }).check();
  await next();
  // Ansøger
  await page.getByLabel('Dit navn').fill('Mette Jensen');
  await page.getByLabel('Din e-mail').fill('mette.jensen@au.dk');
  await page.getByLabel('Organisationens navn').fill('Aarhus Universitet');
  await page.getByLabel('Land (ISO-kode, fx DK)').fill('DK');
  await page.getByLabel('CVR-nummer').fill('31119103');
  await page.getByLabel('Sektor').selectOption({ label: 'Offentlig forskningsinstitution' });
  await page.getByLabel('Forskerens navn').fill('Mette Jensen');
  await page.getByLabel('Forskerens e-mail').fill('mette.jensen@au.dk');
  await page.getByLabel('Forskerens organisation').fill('Aarhus Universitet');
  await page.getByLabel('Land, hvorfra data tilgås (ISO-kode)').fill('DK');
  await next();
  // Retsgrundlag
  await page.getByLabel('Behandlingsgrundlag efter GDPR art. 6').fill('art. 6(1)(e)');
  await page.getByLabel('Undtagelse efter GDPR art. 9').fill('art. 9(2)(j) med databeskyttelsesloven § 10');
  await page.getByRole('group', { name: /samtykke/ }).getByLabel('Nej').check();
  await page.getByLabel('Fortegnelsens reference').fill(form.recordReference);
  await page.getByLabel('Dataansvarlig').fill('Aarhus Universitet');
  await page.getByLabel('Slettedato').fill(form.deletionDate);
  await next();
  // Etik
  await page.getByLabel('Komité', { exact: true }).selectOption('VEK');
  await page.getByLabel('Komitéens journalnummer').fill(form.committeeNumber);
  await page.getByLabel('Godkendt').check();
  await next();
  // Behandlingsmiljø
  await page.getByLabel('Anonymiserede data').check();
  await page.getByRole('combobox', { name: 'Behandlingsmiljø' }).selectOption({ label: 'Sundhedsdatastyrelsens forskermaskine' });
  await page.getByLabel('Tekniske og organisatoriske sikkerhedsforanstaltninger').fill('Analyse kun på forskermaskinen; personlig adgang med to-faktor-login; output kontrolleres for små celler før eksport.');
  await page.getByLabel('Projektet starter').fill(form.projectStart);
  await page.getByLabel('Projektet slutter').fill(form.projectEnd);
  await page.getByLabel('Data opbevares til').fill(form.deletionDate);
  await next();
}
