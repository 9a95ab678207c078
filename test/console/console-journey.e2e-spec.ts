import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { fillApplicationSections, launchChromium, missingForBrowser, screenshot, seriousAccessibilityViolations, WEB_DIR } from './browser';

/**
 * The console in a real browser (issue 12), against the whole app on the embedded database, in
 * Danish and by clicking only: a researcher signs in, drafts, checks and submits an application to
 * one source; a caseworker sees it in the queue, opens the case with its findings and law and asks
 * the applicant a question, which reaches her as a notice (the count in the header, marked read);
 * the auditor verifies the chain and reads the case's audit trail. The admin's page and the public
 * accessibility statement have their own short tests; every page is checked by axe. The
 * full journey to the permit, and the README's screenshots, are in permit-journey.e2e-spec.ts.
 */
const missing = missingForBrowser('console journey');

(missing.length === 0 ? describe : describe.skip)('the console in Chromium: draft, check and submit, then the queue (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const violations: string[] = [];
  const inaccessible: Record<string, string[]> = {};
  /** Record the page's serious or critical accessibility violations under its name. */
  const shot = async (name: string) => {
    const found = await seriousAccessibilityViolations(page);
    if (found.length > 0) inaccessible[name] = found;
  };
  const next = () => page.getByRole('button', { name: 'Næste' }).click();

  beforeAll(async () => {
    t = await startTestApp('console_journey', { env: { WEB_DIR } });
    await t.app.listen(0, '127.0.0.1');
    origin = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'da-DK' })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the accessibility statement is public, linked from the footer, in Danish and English', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' }).waitFor();
    // The WAS-tool template's parts: status with the known gaps, feedback, the enforcement body.
    await page.getByText('delvist i overensstemmelse med WCAG 2.1 niveau AA').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Konsollen er testet automatisk' }).waitFor();
    await page.getByRole('heading', { name: 'Feedback og kontaktoplysninger' }).waitFor();
    await page.getByRole('link', { name: 'Klag til Digitaliseringsstyrelsen' }).waitFor();
    await shot('accessibility-statement');
    await screenshot(page, 'accessibility-statement');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    await page.getByText('partially compliant with WCAG 2.1 level AA').waitFor();
    await page.getByRole('button', { name: 'Dansk' }).click();
    expect(inaccessible).toEqual({});
  });

  it('the admin plans an authority move, dry-runs the rule sets and edits the staff directory', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'Log ind som Camilla Berg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    const sources = page.getByRole('table', { name: /Datakilder med spor/ });
    await sources.getByRole('row', { name: /Landspatientregisteret/ }).waitFor();

    // A move from a future date: the row shows it as planned (open cases keep their authority).
    await page.getByLabel('Datakilde', { exact: true }).selectOption({ label: 'Landspatientregisteret' });
    await page.getByLabel('Spor', { exact: true }).selectOption({ label: 'Samarbejdsbehandling' });
    await page.getByLabel('Ny afgørende myndighed').fill('Region Midtjylland');
    await page.getByLabel('Gælder fra').fill('2030-01-01');
    await page.getByLabel('Begrundelse').fill('Dataansvaret flyttes efter aftale med regionen.');
    await page.getByRole('button', { name: 'Planlæg flytningen' }).click();
    await page.getByText(/Region Midtjylland er afgørende myndighed fra/).waitFor();
    await sources.getByRole('row', { name: /Landspatientregisteret.*fra .*2030: Region Midtjylland \(Samarbejdsbehandling\)/ }).waitFor();

    // The dry run of RULES_DIR on a law date: the same plugins as in force, nothing would change.
    await page.getByLabel('Lovgrundlag pr.').fill('2026-06-01');
    await page.getByRole('button', { name: 'Prøvekør' }).click();
    await page.getByText(/åbne delsager, 0 ville få en anden vurdering/).waitFor();
    await page.getByRole('table', { name: 'Regelsæt i RULES_DIR' }).getByRole('row', { name: /Uændret/ }).first().waitFor();

    // The staff directory: the admin corrects her own e-mail.
    await page.getByRole('button', { name: 'Ret Camilla Berg' }).click();
    await page.getByLabel('E-mail', { exact: true }).fill('camilla.berg@sundhedsdata.dk');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('table', { name: /Alle, der har logget ind/ }).getByRole('row', { name: /Camilla Berg.*camilla\.berg@sundhedsdata\.dk/ }).waitFor();
    await shot('admin');
    await screenshot(page, 'admin');
    await page.getByRole('button', { name: 'Log ud' }).click();
    expect(inaccessible).toEqual({});
  });

  it('a researcher signs in, drafts, checks and submits; a caseworker finds the case in the queue with its findings and law', async () => {
    // Sign in through the local issuer, as the researcher.
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await shot('sign-in');
    await page.getByRole('button', { name: 'Log ind som Mette Jensen' }).click();
    await page.getByRole('heading', { name: 'Mine ansøgninger' }).waitFor();
    await page.getByRole('button', { name: 'Start en ny ansøgning' }).click();
    await page.getByRole('heading', { name: 'Ansøgning om adgang til sundhedsdata' }).waitFor();

    await fillApplicationSections(page, {
      title: 'Langtidsforløb efter apopleksi',
      purpose: 'At undersøge dødelighed og genindlæggelse efter apopleksi for at forbedre rehabiliteringen.',
      recordReference: 'AU-2026-117',
      deletionDate: '2028-12-31',
      committeeNumber: '1-10-72-123-25',
      projectStart: '2026-01-01',
      projectEnd: '2028-12-31',
    });

    // Data: one request to Landspatientregisteret with four of its catalogue's variables.
    await page.getByRole('button', { name: 'Tilføj en datakilde' }).click();
    await page.getByLabel('Datakilde').selectOption('lpr');
    const variables = page.getByRole('group', { name: 'Variable' }).getByRole('checkbox');
    await variables.first().waitFor();
    for (let i = 0; i < 4; i += 1) await variables.nth(i).check();
    await page.getByLabel('Population', { exact: true }).fill('Voksne med apopleksi 2015–2024');
    await page.getByLabel('Data fra').fill('2015-01-01');
    await page.getByLabel('Data til').fill('2024-12-31');
    await page.getByLabel(/Hvorfor er netop disse variable/).fill('Diagnose og datoer identificerer apopleksi og genindlæggelse; resten justerer for confounding; 2015–2024 giver opfølgningen.');

    // The live check beside the form: complete, with the rules' findings for the source.
    await page.getByText('Ansøgningen kan indsendes.').waitFor({ timeout: 20000 });
    await page.getByTestId('save-state').getByText('Kladden er gemt').waitFor();
    await shot('application-form');

    await next();
    await page.getByRole('button', { name: 'Indsend ansøgningen' }).click();
    const submitted = page.getByText(/Ansøgningen er indsendt\. Sagsnummer: EK-\d{4}-\d{6}\./);
    await submitted.waitFor();
    const number = /EK-\d{4}-\d{6}/.exec((await submitted.textContent()) ?? '')![0];
    await page.getByRole('row', { name: new RegExp(number) }).waitFor();
    await shot('my-applications');

    // Sign out, and in as the caseworker: the case is in the central queue once screened.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Log ind som Kasper Holm' }).click();
    await page.getByRole('heading', { name: 'Køer' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(number) });
    for (let tries = 0; tries < 40 && !(await row.isVisible()); tries += 1) {
      await page.waitForTimeout(500);
      await page.getByRole('link', { name: 'Mine sager' }).click();
      await page.getByRole('link', { name: 'Central behandling' }).click();
    }
    await row.waitFor();
    await shot('queue');

    await row.getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: `Sag ${number}` }).waitFor();
    const lpr = page.getByRole('region', { name: /Landspatientregisteret/ });
    await lpr.getByText('Central behandling').waitFor();
    await lpr.getByRole('table', { name: 'Bemærkninger for Landspatientregisteret' }).waitFor();
    expect(await lpr.getByRole('row').count()).toBeGreaterThan(1);
    await shot('case');

    // The caseworker takes the case and asks the applicant a question; the applicant is notified.
    await page.getByRole('button', { name: 'Tag sagen', exact: true }).click();
    await page.getByText('Du har taget sagen.').waitFor();
    await page.getByRole('button', { name: 'Bed om supplerende oplysninger', exact: true }).first().click();
    const ask = page.getByRole('form', { name: 'Bed om supplerende oplysninger' });
    await ask.getByLabel('Spørgsmål til ansøgeren').fill('Hvilken ICD-10-afgrænsning bruges for apopleksi?');
    await ask.getByRole('button', { name: 'Bed om supplerende oplysninger', exact: true }).click();
    await ask.waitFor({ state: 'detached' });

    // The researcher sees the count in the header, reads the notice and marks it read.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Log ind som Mette Jensen' }).click();
    await page.getByRole('heading', { name: 'Mine ansøgninger' }).waitFor();
    await page.getByRole('link', { name: 'Beskeder (1 ulæst)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beskeder' }).waitFor();
    const notice = page.getByRole('row', { name: new RegExp(number) });
    await notice.getByText('Ulæst').waitFor();
    await shot('notifications');
    await screenshot(page, 'notifications');
    await notice.getByRole('button', { name: /^Markér .* som læst$/ }).click();
    await notice.getByText('Læst', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Beskeder', exact: true }).waitFor();

    // The auditor verifies the chain and reads the case's audit trail with its hashes.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Log ind som Henrik Dahl' }).click();
    await page.getByRole('heading', { level: 1, name: 'Revision' }).waitFor();
    await page.getByRole('button', { name: 'Verificér auditsporet' }).click();
    await page.getByText('Kæden er intakt').waitFor();
    await page.getByLabel('Sagsnummer').fill(number);
    await page.getByRole('button', { name: 'Vis auditspor' }).click();
    const trail = page.getByRole('table', { name: new RegExp(`Auditspor for ${number}`) });
    await trail.getByRole('row', { name: /Ansøgningen indsendt/ }).waitFor();
    await shot('audit');
    await screenshot(page, 'audit');

    expect(inaccessible).toEqual({});
    // Same-origin scripts and styles only: nothing the CSP of the HTTP edge would refuse was needed.
    expect(violations.filter((text) => /Content Security Policy|Refused to/.test(text))).toEqual([]);
  });
  it('on a phone the main menu is FDS’s drawer, opened and closed by keyboard, with sign-out inside', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'da-DK', isMobile: true, hasTouch: true })).newPage();
    await phone.goto(`${origin}/`);
    await phone.getByRole('button', { name: 'Log ind som Kasper Holm' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Køer' }).waitFor();
    // Below 992 px the desktop menu and the person are hidden behind "Menu".
    expect(await phone.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    const opener = phone.getByRole('button', { name: 'Menu' });
    await opener.focus();
    await phone.keyboard.press('Enter');
    const drawer = phone.getByRole('dialog', { name: 'Menu' });
    await drawer.waitFor();
    expect(await phone.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe('Luk');
    await drawer.getByText('Kasper Holm, Sagsbehandler').waitFor();
    await drawer.getByRole('link', { name: 'Overblik' }).waitFor();
    const found = await seriousAccessibilityViolations(phone);
    await screenshot(phone, 'mobile-menu', { viewport: true });
    expect(found).toEqual([]);
    await phone.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((button) => button === (button.ownerDocument.activeElement as unknown))).toBe(true);
    // Following a link closes it; sign-out is in it.
    await opener.click();
    await drawer.getByRole('link', { name: 'Overblik' }).click();
    await phone.getByRole('heading', { level: 1, name: /Overblik/ }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await opener.click();
    await drawer.getByRole('button', { name: 'Log ud' }).click();
    await phone.getByRole('heading', { name: 'Log ind' }).waitFor();
    await phone.close();
  });
});
