import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';

const CONTROLLER_ROLES = {
  kind: 'controller_roles',
  description: { da: 'Afklar dataansvaret mellem Aarhus Universitet og Aarhus Universitetshospital', en: 'Settle the controller roles between Aarhus University and its hospital' },
  legalReference: 'GDPR art. 26',
};

describe('legal matters opened by hand (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let c: { id: string; number: string; subCases: { id: string; dataSourceId: string }[] };
  let lpr: string;
  let lmdb: string;

  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const open = (who: string, body: object) => post(`/v1/cases/${c.id}/legal-matters`, who, body);
  const staffView = async () => get(`/v1/cases/${c.id}`, 'caseworker').expect(200);

  beforeAll(async () => {
    t = await startTestApp('legal_matters');
    db = t.app.get(DataSource);
    const people = {
      researcher: { sub: 'lm-researcher', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'lm-cw', role: 'caseworker', organisation: '33257872' },
      conflicted: { sub: 'lm-cw-conflicted', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'lm-jurist', role: 'legal_approver', organisation: '33257872' },
      advisor: { sub: 'lm-advisor', role: 'advisor', region: 'region-midtjylland' },
      controller: { sub: 'lm-controller', role: 'controller', organisation: '29190925' },
      auditor: { sub: 'lm-auditor', role: 'auditor' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    // Two central parts, so the case stays open after the LPR part is decided.
    ({ case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('lmdb')] })));
    lpr = c.subCases.find((s) => s.dataSourceId === 'lpr')!.id;
    lmdb = c.subCases.find((s) => s.dataSourceId === 'lmdb')!.id;
  });
  afterAll(() => t.close());

  it('refuses every other role, names each invalid field, and refuses a stale version, an unknown sub-case and a conflicted caseworker', async () => {
    for (const who of ['researcher', 'advisor', 'controller', 'auditor']) {
      const refused = await open(who, { subCaseId: lpr, ...CONTROLLER_ROLES }).expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }

    const empty = await open('caseworker', {}).expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['description', 'kind', 'subCaseId']);
    const wrong = await open('caseworker', { subCaseId: 'lpr', kind: 'ethics_approval', description: { da: '', en: 'x'.repeat(2001) }, legalReference: '', blocking: 'yes' }).expect(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['blocking', 'description.da', 'description.en', 'kind', 'legalReference', 'subCaseId']);
    const unknownField = await open('caseworker', { subCaseId: lpr, ...CONTROLLER_ROLES, code: 'MY-CODE' }).expect(400);
    expect(unknownField.body.errors.map((e: { field: string }) => e.field)).toEqual(['code']);
    const nestedUnknown = await open('caseworker', { subCaseId: lpr, ...CONTROLLER_ROLES, description: { ...CONTROLLER_ROLES.description, de: 'x' } }).expect(400);
    expect(nestedUnknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['description.de']);

    const stale = await open('caseworker', { subCaseId: lpr, ...CONTROLLER_ROLES }).set('If-Match', '"999"').expect(412);
    expect(stale.body.type).toContain('stale-version');
    await open('caseworker', { subCaseId: '00000000-0000-4000-8000-000000000000', ...CONTROLLER_ROLES }).expect(404);
    await post(`/v1/cases/00000000-0000-4000-8000-000000000000/legal-matters`, 'caseworker', { subCaseId: lpr, ...CONTROLLER_ROLES }).expect(404);

    await request(t.server)
      .put('/v1/me/conflicts')
      .set(bearer(tokens.conflicted))
      .send({ organisations: [{ cvr: '31119103', reason: 'Co-author of the applicant' }] })
      .expect(200);
    const conflicted = await open('conflicted', { subCaseId: lpr, ...CONTROLLER_ROLES }).expect(403);
    expect(conflicted.body.type).toContain('conflict-of-interest');

    // Nothing of the refused attempts was stored.
    expect((await staffView()).body.legalMatters.filter((m: { code: string }) => m.code.startsWith('MANUAL-'))).toEqual([]);
  });

  it('opens a controller-roles matter that holds back the approval until it is resolved', async () => {
    const before = await staffView();
    expect(before.body.legalMatters.filter((m: { subCaseId: string; state: string; blocking: boolean }) => m.subCaseId === lpr && m.state === 'open' && m.blocking)).toEqual([]);

    const opened = await open('caseworker', { subCaseId: lpr, ...CONTROLLER_ROLES }).set('If-Match', before.headers.etag).expect(201);
    expect(opened.body).toMatchObject({
      caseId: c.id,
      subCaseId: lpr,
      kind: 'controller_roles',
      code: 'MANUAL-CONTROLLER-ROLES-1',
      description: CONTROLLER_ROLES.description,
      legalReference: 'GDPR art. 26',
      blocking: true,
      state: 'open',
      documentReference: null,
    });
    expect(opened.headers.etag).toBe(`"${before.body.version + 1}"`);
    const shown = (await staffView()).body.legalMatters.find((m: { id: string }) => m.id === opened.body.id);
    expect(shown).toMatchObject({ kind: 'controller_roles', state: 'open', blocking: true });
    const [event] = await db.query(`SELECT actor_sub, payload FROM audit_event WHERE subject_id = $1 AND action = 'legal_matter.opened'`, [c.number]);
    expect(event).toMatchObject({ actor_sub: 'lm-cw', payload: { legalMatterId: opened.body.id, subCaseId: lpr, kind: 'controller_roles', code: 'MANUAL-CONTROLLER-ROLES-1', blocking: true } });

    const duplicate = await open('approver', { subCaseId: lpr, ...CONTROLLER_ROLES }).expect(409);
    expect(duplicate.body.type).toContain('legal-matter-duplicate');
    // The same kind on another part is another matter.
    await open('approver', { subCaseId: lmdb, ...CONTROLLER_ROLES }).expect(201);

    const draft = (await post(`/v1/cases/${c.id}/sub-cases/${lpr}/decision-drafts`, 'caseworker', { outcome: 'approved', legalBasis: 'EHDS art. 68', reasoning: 'ok' }).expect(201)).body;
    const blocked = await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(409);
    expect(blocked.body.type).toContain('legal-matter-open');
    expect(blocked.body.openLegalMatters.map((m: { id: string }) => m.id)).toEqual([opened.body.id]);

    await post(`/v1/cases/${c.id}/legal-matters/${opened.body.id}/resolve`, 'caseworker', { documentReference: 'Joint controller agreement AU/AUH 2026-04' }).expect(200);
    // A second one of the kind, opened as not blocking, gets the next number and holds nothing back.
    const note = await open('approver', { subCaseId: lpr, ...CONTROLLER_ROLES, blocking: false }).expect(201);
    expect(note.body).toMatchObject({ code: 'MANUAL-CONTROLLER-ROLES-2', blocking: false, state: 'open' });

    const issued = await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201);
    expect(issued.body.decision).toMatchObject({ outcome: 'approved', track: 'central' });
  });

  it('refuses a matter on a decided part, and on a withdrawn case', async () => {
    const decided = await open('caseworker', { subCaseId: lpr, kind: 'data_processing_agreement', description: { da: 'Databehandleraftale', en: 'Data processing agreement' } }).expect(409);
    expect(decided.body.type).toContain('sub-case-closed');

    const { applicationId, case: other } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await post(`/v1/applications/${applicationId}/withdraw`, 'researcher').expect(200);
    const withdrawn = await post(`/v1/cases/${other.id}/legal-matters`, 'caseworker', {
      subCaseId: other.subCases[0].id,
      kind: 'data_processing_agreement',
      description: { da: 'Databehandleraftale', en: 'Data processing agreement' },
    }).expect(409);
    expect(withdrawn.body.type).toContain('command-not-allowed');
  });

  it('documents the route and its problem responses in OpenAPI', async () => {
    const spec = (await request(t.server).get('/openapi.json').expect(200)).body;
    const operation = spec.paths['/v1/cases/{id}/legal-matters']?.post;
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '412']));
  });
});
