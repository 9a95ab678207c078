import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/** DESIGN.md §7 through the real API: concurrent commands never fork the chain; refused ones leave nothing. */
describe('audit chain under concurrent commands (e2e)', () => {
  let t: TestApp;
  let auditor: string;
  const count = async (action?: string) => {
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE $1::text IS NULL OR action = $1`, [action ?? null]);
    return n as number;
  };

  beforeAll(async () => {
    t = await startTestApp('audit_concurrency');
    auditor = await t.token({ sub: 'aud-1', role: 'auditor' });
  });
  afterAll(() => t.close());

  it('keeps one valid, unforked chain across 50 concurrent commands from 50 researchers', async () => {
    const before = await count();
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => t.token({ sub: `r-${i}`, role: 'researcher', organisation: '31119103' })));
    const responses = await Promise.all(tokens.map((token, i) => request(t.server).post('/v1/applications').set(bearer(token)).send({ title: `Concurrent ${i}` })));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await count()).toBe(before + 50);
    const rows: { seq: string; prev_hash: string; hash: string }[] = await t.app.get(DataSource).query('SELECT seq, prev_hash, hash FROM audit_event ORDER BY seq');
    rows.forEach((row, i) => {
      expect(Number(row.seq)).toBe(i + 1);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1].hash);
    });
    const verify = (await request(t.server).get('/v1/audit/verify').set(bearer(auditor)).expect(200)).body;
    expect(verify).toMatchObject({ valid: true, count: rows.length, headSeq: rows.length, headHash: rows[rows.length - 1].hash });
  });

  it('leaves no event behind a refused command', async () => {
    const researcher = await t.token({ sub: 'r-refused', role: 'researcher', organisation: '31119103' });
    const caseworker = await t.token({ sub: 'cw-1', role: 'caseworker' });
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const before = await count();
    // Stale version, incomplete content and a lifecycle refusal: three refusals, no trace in the chain.
    await request(t.server).post(`/v1/cases/${c.id}/claim`).set(bearer(caseworker)).set('If-Match', '"1"').expect(412);
    await request(t.server).post(`/v1/cases/${c.id}/sub-cases/${c.subCases[0].id}/recommendations`).set(bearer(caseworker)).send({ outcome: 'approved', reasoning: 'x' }).expect(409);
    const draft = (await request(t.server).post('/v1/applications').set(bearer(researcher)).send({ title: 'Incomplete' }).expect(201)).body;
    const afterDraft = await count();
    await request(t.server).post(`/v1/applications/${draft.id}/submit`).set(bearer(researcher)).expect(422);
    expect(afterDraft).toBe(before + 1);
    expect(await count()).toBe(afterDraft);
  });
});
