import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { bearer } from '../support/applications';
import { CATALOGUE, COMPLETE_CATALOGUES } from './catalogue';
import { describeCase, differences, ObservedCase } from './compare';
import { SCENARIOS } from './scenarios';
import { copenhagenDate, fileAndScreen } from './support';

/**
 * The legal scenario suite (issue 10): realistic applications, each with what Danish and EU law say
 * the screening must find — track, verdict, cited provisions and legal matters per data request —
 * and why (docs/legal.md). Each scenario goes through the HTTP API as an applicant would send
 * it, on one app, in the order of the scenarios' dates on the app's business clock. A failing
 * scenario names each difference with the provision the expectation follows from, and shows what
 * the screening found.
 *
 * Not in the default `jest` run until it passes (jest.config.js); run it with `npm run test:legal`.
 */
const byDate = [...SCENARIOS].sort((a, b) => a.on.localeCompare(b.on));

describe('legal scenarios: the screening finds what the law says', () => {
  let t: TestApp;
  let caseworker: string;
  let clockSetTo: string | undefined;

  beforeAll(async () => {
    // The law-change sweep stays off the scenarios' cases: each is read right after its own screening.
    t = await startTestApp('legal_scenarios', { env: { LAW_CHANGE_SWEEP_MS: '3600000' } });
    caseworker = await t.token({ sub: 'legal-caseworker', role: 'caseworker', organisation: '33257872' });
  });
  afterAll(() => t.close());

  it('the catalogue lists every register and RKKP variable the scenarios request (GET /v1/data-sources/:id)', async () => {
    const problems: string[] = [];
    for (const source of COMPLETE_CATALOGUES) {
      const res = await request(t.server).get(`/v1/data-sources/${source}`).set(bearer(caseworker));
      if (res.status !== 200) {
        problems.push(`${source}: GET /v1/data-sources/${source} answered ${res.status}`);
        continue;
      }
      const names: string[] = (res.body.catalogue?.variables ?? []).map((v: { name: string }) => v.name);
      for (const name of CATALOGUE[source]) {
        if (names.includes(name)) continue;
        const spelt = names.find((n) => n.toLowerCase() === name.toLowerCase());
        problems.push(`${source}: "${name}" is not in the catalogue${spelt ? ` (it has "${spelt}")` : ''}`);
      }
    }
    if (problems.length) {
      throw new Error(`test/legal/catalogue.ts and the catalogue disagree — align the names, or every scenario using them abstains for that reason:\n  - ${problems.join('\n  - ')}`);
    }
  });

  byDate.forEach((scenario, index) => {
    it(scenario.name, async () => {
      // Scenarios run in date order, so the business clock only moves forward between them.
      if (clockSetTo !== scenario.on) {
        t.clock.set(new Date(scenario.on));
        clockSetTo = scenario.on;
      }
      const applicant = await t.token({ sub: `legal-applicant-${index + 1}`, role: 'researcher', organisation: scenario.application.applicant.organisation.cvr });
      const caseId = await fileAndScreen(t, applicant, scenario.application);
      const observed: ObservedCase = (await request(t.server).get(`/v1/cases/${caseId}`).set(bearer(caseworker)).expect(200)).body;

      const lawDate = copenhagenDate(scenario.on);
      const found = differences(scenario, observed, lawDate);
      if (found.length) {
        throw new Error(
          [
            `${found.length} difference${found.length === 1 ? '' : 's'} from the law (screened on ${lawDate}):`,
            ...found.map((d) => `  - ${d}`),
            '',
            'What the screening found:',
            describeCase(observed).replace(/^/gm, '  '),
          ].join('\n'),
        );
      }
    });
  });
});
