import { Client } from 'pg';
import request from 'supertest';
import { CASE_APPLICANT_DOCUMENT, CASE_TEXT_DOCUMENT } from '../libs/cases/src/search-cases/case-search-sql';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

/**
 * Search (issue 16): staff find cases by case number, applicant, CVR, data source, state and the days
 * received, and by words of the title or purpose (PostgreSQL full text on GIN indexes). A researcher
 * cannot search; every search is audited.
 */
describe('finding cases (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let cardiac: { id: string; number: string };
  let stroke: { id: string; number: string };
  const KU = '29979812';
  const search = (query: string, who = 'caseworker') => request(t.server).get(`/v1/cases?${query}`).set(bearer(tokens[who]));
  const numbers = async (query: string) => (await search(query).expect(200)).body.items.map((c: { number: string }) => c.number).sort();

  beforeAll(async () => {
    t = await startTestApp('case_search', { env: { LOG_LEVEL: 'error' } });
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      kuResearcher: { sub: 'r-ku', role: 'researcher', organisation: KU },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
      auditor: { sub: 'aud-1', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    const ku = completeApplication({
      title: 'Hjerterehabilitering efter myokardieinfarkt',
      purpose: 'Cardiac rehabilitation and readmission after myocardial infarction.',
      applicant: { name: 'Lars Holm', email: 'lars.holm@ku.dk', organisation: { name: 'Københavns Universitet', cvr: KU, country: 'DK', sector: 'public_research' } },
      researchers: [{ name: 'Lars Holm', email: 'lars.holm@ku.dk', organisation: 'Københavns Universitet', countryOfAccess: 'DK' }],
    });
    cardiac = (await submitAndScreen(t, tokens.kuResearcher, ku)).case;
    stroke = (await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }))).case;
  });
  afterAll(() => t.close());

  it('finds a case by the CVR of the applicant organisation', async () => {
    const page = (await search(`cvr=${KU}`).expect(200)).body;
    expect(page.items).toEqual([
      expect.objectContaining({ id: cardiac.id, number: cardiac.number, cvr: KU, applicantOrgName: 'Københavns Universitet', state: 'in_review', dataSources: [expect.objectContaining({ id: 'lpr' })] }),
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('finds cases by number, words of the title or purpose, applicant, data source, state and days received', async () => {
    expect(await numbers(`number=${stroke.number}`)).toEqual([stroke.number]);
    // Full text: Danish and English words, each a prefix, all required.
    expect(await numbers('q=hjerterehab')).toEqual([cardiac.number]);
    expect(await numbers('q=stroke%20rehabilitation')).toEqual([stroke.number]);
    expect(await numbers('q=readmission')).toEqual([cardiac.number, stroke.number].sort());
    expect(await numbers('q=stroke%20cardiac')).toEqual([]);
    expect(await numbers('applicant=holm')).toEqual([cardiac.number]);
    expect(await numbers('applicant=aarhus%20universitet')).toEqual([stroke.number]);
    expect(await numbers('dataSource=epj-region-midtjylland')).toEqual([stroke.number]);
    expect(await numbers('state=in_review&dataSource=lpr')).toEqual([cardiac.number, stroke.number].sort());
    expect(await numbers('state=withdrawn')).toEqual([]);
    expect(await numbers('receivedFrom=2027-03-01&receivedTo=2027-03-01')).toEqual([cardiac.number, stroke.number].sort());
    expect(await numbers('receivedFrom=2027-03-02')).toEqual([]);
    // Newest first, a page at a time.
    const first = (await search('limit=1').expect(200)).body;
    expect(first.items.map((c: { id: string }) => c.id)).toEqual([stroke.id]);
    const second = (await search(`limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items.map((c: { id: string }) => c.id)).toEqual([cardiac.id]);
  });

  it('refuses a researcher, and names the field of a bad criterion', async () => {
    expect((await search(`cvr=31119103`, 'researcher').expect(403)).headers['content-type']).toContain('application/problem+json');
    await search(`cvr=${KU}`, 'auditor').expect(200);
    expect((await search('cvr=123').expect(400)).body.errors[0].field).toBe('cvr');
    expect((await search('state=closed').expect(400)).body.errors[0].field).toBe('state');
    expect((await search('receivedFrom=2027-03-05&receivedTo=2027-03-01').expect(400)).body.errors[0].field).toBe('receivedTo');
    expect((await search('receivedFrom=2027-02-30').expect(400)).body.errors[0].field).toBe('receivedFrom');
  });

  it('audits each search with its criteria', async () => {
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT payload FROM audit_event WHERE action = 'cases.searched' AND payload->'criteria'->>'cvr' = $1`, [KU]);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  });

  it('uses the GIN indexes for full text (the search repeats the indexed expressions)', async () => {
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      // On a handful of rows the planner prefers a scan; forbid it to see that the indexes match the expressions.
      await db.query('SET enable_seqscan = off');
      const text = await db.query(`EXPLAIN SELECT id FROM case_file c WHERE ${CASE_TEXT_DOCUMENT.replace(/content/g, 'c.content')} @@ to_tsquery('simple', 'stroke:*')`);
      expect(JSON.stringify(text.rows)).toContain('case_file_text_search');
      const applicant = await db.query(
        `EXPLAIN SELECT id FROM case_file c WHERE ${CASE_APPLICANT_DOCUMENT.replace(/applicant_org_name/g, 'c.applicant_org_name').replace(/content/g, 'c.content')} @@ to_tsquery('simple', 'holm:*')`,
      );
      expect(JSON.stringify(applicant.rows)).toContain('case_file_applicant_search');
    } finally {
      await db.end();
    }
  });
});
