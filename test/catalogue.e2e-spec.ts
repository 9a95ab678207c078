import request from 'supertest';
import { startTestApp, TestApp } from './support/app';

/**
 * The catalogue with variables (issue 10): each source lists what one can ask for, with Danish and
 * English labels and how sensitive each variable is; registers and clinical quality databases have
 * a complete list, patient records and biobanks a representative one. Public, like the list.
 */
describe('data-source catalogue with variables (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('catalogue');
  });
  afterAll(() => t.close());

  it('gives a register its complete list of variables, each labelled and graded', async () => {
    const lmdb = (await request(t.server).get('/v1/data-sources/lmdb').expect(200)).body;
    expect(lmdb).toMatchObject({ id: 'lmdb', kind: 'national_register', catalogue: { completeness: 'complete' } });
    const atc = lmdb.catalogue.variables.find((v: { name: string }) => v.name === 'ATC');
    expect(atc).toMatchObject({ label: { da: expect.any(String), en: expect.any(String) }, sensitivity: 'sensitive', verified: expect.any(Boolean) });
    // A person number identifies; it is never "ordinary". In Lægemiddelstatistikregisteret the person is
    // the encrypted CPR number (KCPR); PNR there is the dispensing pharmacy's P-number.
    expect(lmdb.catalogue.variables.find((v: { name: string }) => v.name === 'KCPR').sensitivity).toBe('identifying');
    // A name confirmed against the holder's documentation says where; an unconfirmed one does not.
    const eksd = lmdb.catalogue.variables.find((v: { name: string }) => v.name === 'EKSD');
    expect(eksd).toMatchObject({ verified: true, source: expect.stringMatching(/^https?:\/\//) });
    for (const variable of lmdb.catalogue.variables as { verified: boolean; source?: string }[]) expect(variable.verified).toBe(variable.source !== undefined);
  });

  it('gives patient records and biobanks a representative list, and the list page a summary of each', async () => {
    for (const id of ['epj-region-midtjylland', 'biobank-dnb']) {
      const source = (await request(t.server).get(`/v1/data-sources/${id}`).expect(200)).body;
      expect(source.catalogue.completeness).toBe('representative');
      expect(source.catalogue.variables.length).toBeGreaterThan(0);
    }
    const list = (await request(t.server).get('/v1/data-sources').expect(200)).body;
    expect(list.find((s: { id: string }) => s.id === 'lpr').catalogue).toEqual({ completeness: 'complete', variableCount: expect.any(Number) });
  });

  it('answers 404 problem+json for a source that does not exist', async () => {
    const res = await request(t.server).get('/v1/data-sources/no-such-source').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
