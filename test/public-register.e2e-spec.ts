import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

const ITEM_KEYS = ['applicantOrganisation', 'caseNumber', 'dataSources', 'purposeCategory', 'receivedAt', 'state', 'title'];

describe('transparency register of received applications, EHDS art. 57(1)(j) (e2e)', () => {
  let t: TestApp;
  let researcher: string;
  let first: { number: string; applicationId: string };
  let second: { number: string; applicationId: string };
  let withdrawn: { number: string; applicationId: string };

  beforeAll(async () => {
    t = await startTestApp('public_register');
    researcher = await t.token({ sub: 'researcher-1', role: 'researcher', organisation: '31119103' });
    const submit = async (content: Record<string, unknown>) => {
      const s = await submitAndScreen(t, researcher, content);
      return { number: s.case.number as string, applicationId: s.applicationId };
    };
    first = await submit(completeApplication({ title: 'Stroke outcomes' }));
    second = await submit(completeApplication({ title: 'Registers and records', dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    withdrawn = await submit(completeApplication({ title: 'Withdrawn study' }));
    await request(t.server).post(`/v1/applications/${withdrawn.applicationId}/withdraw`).set(bearer(researcher)).send({}).expect(200);
    await request(t.server).post('/v1/applications').set(bearer(researcher)).send(completeApplication({ title: 'Secret draft' })).expect(201);
  });
  afterAll(() => t.close());

  it('lists received applications newest first without a token, with exactly the published fields', async () => {
    const res = await request(t.server).get('/v1/public/applications').expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([withdrawn.number, second.number, first.number]);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      expect(Object.keys(item.applicantOrganisation).sort()).toEqual(['country', 'name', 'sector']);
      for (const source of item.dataSources) expect(Object.keys(source).sort()).toEqual(['id', 'name']);
    }
    expect(res.body.items[1]).toEqual({
      caseNumber: second.number,
      title: 'Registers and records',
      applicantOrganisation: { name: 'Aarhus Universitet', country: 'DK', sector: 'public_research' },
      purposeCategory: 'scientific_research',
      dataSources: [
        { id: 'lpr', name: 'Landspatientregisteret' },
        { id: 'epj-region-midtjylland', name: expect.any(String) },
      ],
      receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      state: 'received',
    });
  });

  it('never publishes personal data, the purpose text or drafts', async () => {
    const body = JSON.stringify((await request(t.server).get('/v1/public/applications').expect(200)).body);
    for (const secret of ['Mette Jensen', 'mette.jensen@au.dk', '31119103', 'researcher-1', 'To study mortality', 'Secret draft', 'AU-2026-117', '1-10-72-123-25']) {
      expect(body).not.toContain(secret);
    }
  });

  it('keeps a withdrawn application listed with state withdrawn', async () => {
    const res = await request(t.server).get('/v1/public/applications').expect(200);
    expect(res.body.items.find((i: { caseNumber: string }) => i.caseNumber === withdrawn.number)).toMatchObject({ title: 'Withdrawn study', state: 'withdrawn' });
  });

  it('pages with a stable cursor and refuses a forged one', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.server)
        .get('/v1/public/applications')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((i: { caseNumber: string }) => i.caseNumber));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([withdrawn.number, second.number, first.number]);

    const bad = await request(t.server).get('/v1/public/applications').query({ cursor: 'bm9wZQ' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.server).get('/v1/public/applications').query({ limit: 0 }).expect(400);
    await request(t.server).get('/v1/public/applications').query({ limit: 101 }).expect(400);
  });

  it('documents the route in OpenAPI without a security requirement', async () => {
    const doc = (await request(t.server).get('/openapi.json').expect(200)).body;
    const op = doc.paths['/v1/public/applications'].get;
    expect(op.responses['200']).toBeDefined();
    expect(op.security ?? []).toEqual([]);
  });
});
