import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { TestApp } from './app';
import { waitFor } from './wait';

/** A complete application from a Danish public research organisation, for one register (LPR). */
export function completeApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Long-term outcomes after stroke',
    purpose: 'To study mortality and readmission after stroke to improve rehabilitation.',
    purposeCategory: 'scientific_research',
    declarations: { noProhibitedUse: true, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
    applicant: {
      name: 'Mette Jensen',
      email: 'mette.jensen@au.dk',
      organisation: { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research' },
    },
    researchers: [{ name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: 'Aarhus Universitet', countryOfAccess: 'DK' }],
    legalBasis: { gdprArt6: 'art. 6(1)(e)', gdprArt9: 'art. 9(2)(j) with databeskyttelsesloven § 10' },
    consent: false,
    ethicsApproval: { committee: 'VEK', reference: '1-10-72-123-25', status: 'approved' },
    recordOfProcessing: { reference: 'AU-2026-117', controller: 'Aarhus Universitet', deletionDate: '2028-12-31' },
    output: 'anonymised',
    processingEnvironment: 'sds_research_machine',
    safeguards: 'Analysis only on the research machine; personal access with two-factor login; output checked for small cells before export.',
    projectPeriod: { start: '2026-01-01', end: '2028-12-31' },
    retentionUntil: '2028-12-31',
    dataRequests: [dataRequest('lpr')],
    ...overrides,
  };
}

/** Variable names per data source, from the shipped plugins' catalogues (data minimisation checks them). */
const CATALOGUE: Record<string, string[]> = Object.fromEntries(
  readdirSync(join(__dirname, '../../rules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const manifest = JSON.parse(readFileSync(join(__dirname, '../../rules', entry.name, 'manifest.json'), 'utf8')) as { dataSources: { id: string; catalogue?: { variables: { name: string }[] } }[] };
      return manifest.dataSources.map((source) => [source.id, (source.catalogue?.variables ?? []).map((v) => v.name)]);
    }),
);

/** The first four variables of a source's catalogue (every shipped source has one; a source that does not exist gets made-up names). */
export const catalogueVariables = (dataSourceId: string): string[] => (CATALOGUE[dataSourceId] ?? ['diagnosis', 'admission_date']).slice(0, 4);

export function dataRequest(dataSourceId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    dataSourceId,
    variables: catalogueVariables(dataSourceId),
    population: 'Adults diagnosed with stroke 2015–2024',
    period: { start: '2015-01-01', end: '2024-12-31' },
    biologicalMaterial: false,
    prospective: false,
    necessity: 'Each variable answers one of the research questions (diagnosis and dates identify stroke and readmission; the rest adjust for confounding); 2015–2024 gives the follow-up.',
    wholeRegister: false,
    ...extra,
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Drafts and submits; returns the submitted case once screening has put it in review. */
export async function submitAndScreen(t: TestApp, token: string, content: Record<string, unknown>, key?: string) {
  const draft = await request(t.server).post('/v1/applications').set(bearer(token)).send(content).expect(201);
  const submit = request(t.server).post(`/v1/applications/${draft.body.id}/submit`).set(bearer(token));
  if (key) submit.set('Idempotency-Key', key);
  const submitted = await submit.expect(202);
  const screened = await waitFor(async () => {
    const res = await request(t.server).get(`/v1/cases/${submitted.body.id}`).set(bearer(token)).expect(200);
    return res.body.state === 'in_review' ? res.body : undefined;
  }, 20000, `screening of ${submitted.body.number}`);
  return { applicationId: draft.body.id as string, submitted: submitted.body, case: screened };
}
