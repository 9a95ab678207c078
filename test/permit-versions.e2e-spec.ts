import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { waitFor } from './support/wait';

/**
 * After the permit, a researcher changes it (issue 15): an amendment (another source, more
 * variables, a longer period, another named researcher) is a case of its own kind, screened and
 * decided like an application but only for the change, under the same clock; an extension of the
 * project period before the permit expires is a lighter case with no new data, decided by the
 * authority that granted each part. Either gives the permit its next version under the same number,
 * and the audit trail and the public register show the chain of versions.
 */
describe('amendments and extensions of a running permit (e2e)', () => {
  const SDS = '33257872';
  const RKKP = '29190925';
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);

  const inReview = (caseId: string) =>
    waitFor(async () => {
      const c = (await get(`/v1/cases/${caseId}`, 'researcher').expect(200)).body;
      return c.state === 'in_review' ? c : undefined;
    }, 20000, `screening of ${caseId}`);

  /** Claims the case, drafts an approval of every open sub-case and has a second jurist issue each; returns the last issue's permit. */
  const approveAll = async (c: { id: string; subCases: { id: string }[] }) => {
    await post(`/v1/cases/${c.id}/claim`, 'caseworker').expect(200);
    let permit: Record<string, any> | null = null;
    for (const s of c.subCases) {
      const draft = (
        await post(`/v1/cases/${c.id}/sub-cases/${s.id}/decision-drafts`, 'caseworker', {
          outcome: 'approved',
          legalBasis: 'Databeskyttelsesloven § 10 stk. 1; GDPR art. 6(1)(e) and art. 9(2)(j)',
          reasoning: 'Scientific research of significant societal importance; the data are necessary.',
          departureReason: 'The caseworker has assessed the findings.',
        }).expect(201)
      ).body;
      permit = (await post(`/v1/decision-drafts/${draft.id}/issue`, 'approver').expect(201)).body.permit;
    }
    return permit!;
  };

  const permitFor = async (content: Record<string, unknown>) => {
    const draft = (await post('/v1/applications', 'researcher', content).expect(201)).body;
    const submitted = (await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(202)).body;
    const c = await inReview(submitted.id);
    return { caseId: c.id as string, permit: await approveAll(c) };
  };

  beforeAll(async () => {
    t = await startTestApp('permit_versions');
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      otherResearcher: { sub: 'r-2', role: 'researcher', organisation: '31119103' },
      caseworker: { sub: 'cw-1', role: 'caseworker', organisation: SDS },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: SDS },
      auditor: { sub: 'au-1', role: 'auditor', organisation: SDS },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  }, 60000);
  afterAll(() => t.close());

  it('an amendment that adds a source is decided only for that source and gives the permit version 2', async () => {
    t.clock.set(new Date('2027-05-03T09:00:00Z'));
    const { caseId, permit: v1 } = await permitFor(completeApplication({ projectPeriod: { start: '2027-06-01', end: '2029-12-31' }, retentionUntil: '2029-12-31' }));
    expect(v1).toMatchObject({ version: 1, previousVersionId: null, approvedParts: [{ dataSourceId: 'lpr', change: 'granted' }] });

    // Only the permit's holder may amend it; anyone else is told it does not exist.
    await post(`/v1/permits/${v1.id}/amendments`, 'otherResearcher').expect(404);
    await post(`/v1/permits/${v1.id}/amendments`, 'caseworker').expect(403);
    const draft = (await post(`/v1/permits/${v1.id}/amendments`, 'researcher').expect(201)).body;
    expect(draft).toMatchObject({ status: 'draft', kind: 'amendment', amends: { permitId: v1.id, permitNumber: v1.number, permitVersion: 1 } });
    // The draft starts as what the permit rests on: nothing is entered twice.
    expect(draft.content.dataRequests.map((r: any) => r.dataSourceId)).toEqual(['lpr']);

    // An amendment that changes nothing, or drops a source, is not one.
    const unchanged = (await post(`/v1/applications/${draft.id}/check`, 'researcher').expect(200)).body;
    expect(unchanged).toMatchObject({ readyToSubmit: false, invalid: [expect.objectContaining({ field: 'dataRequests', messages: [expect.stringContaining('ændrer intet i tilladelse')] })] });
    const refused = (await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(400)).body;
    expect(refused.errors[0]).toMatchObject({ field: 'dataRequests', messages: [expect.stringContaining('ændrer intet')] });
    await request(t.server).patch(`/v1/applications/${draft.id}`).set(bearer(tokens.researcher)).send({ dataRequests: [dataRequest('rkkp-dap')] }).expect(200);
    expect((await post(`/v1/applications/${draft.id}/check`, 'researcher').expect(200)).body.invalid).toEqual([expect.objectContaining({ field: 'dataRequests', messages: [expect.stringContaining('lpr mangler')] })]);

    // Add RKKP's database beside LPR.
    await request(t.server).patch(`/v1/applications/${draft.id}`).set(bearer(tokens.researcher)).send({ dataRequests: [dataRequest('lpr'), dataRequest('rkkp-dap')] }).expect(200);
    expect((await post(`/v1/applications/${draft.id}/check`, 'researcher').expect(200)).body).toMatchObject({ readyToSubmit: true, invalid: [] });
    const submitted = (await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(202)).body;
    expect(submitted).toMatchObject({ kind: 'amendment', amends: { permitNumber: v1.number, permitVersion: 1, caseId } });

    // Screened and decided only for the change: one sub-case, the new source, under the same clock rules.
    const amendment = await inReview(submitted.id);
    expect(amendment.subCases.map((s: any) => s.dataSourceId)).toEqual(['rkkp-dap']);
    expect(amendment.subCases[0].screening.verdict).toBeDefined();
    expect(amendment.clock).toMatchObject({ paused: false });
    const v2 = await approveAll(amendment);

    // Version 2 under the same number: LPR carried unchanged (its first decision), RKKP added.
    expect(v2).toMatchObject({ number: v1.number, version: 2, previousVersionId: v1.id, caseId: amendment.id, state: 'active' });
    const parts = Object.fromEntries(v2.approvedParts.map((p: any) => [p.dataSourceId, p]));
    expect(parts.lpr).toMatchObject({ change: 'carried', decisionId: v1.approvedParts[0].decisionId });
    expect(parts['rkkp-dap']).toMatchObject({ change: 'data' });
    // Only the new data is charged: one line, RKKP's.
    expect(v2.fees.holders.map((h: any) => h.holder.cvr)).toEqual([RKKP]);
    const chain = (await get(`/v1/permits/${v2.id}`, 'researcher').expect(200)).body.versions;
    expect(chain.map((v: any) => [v.version, v.state, v.caseNumber])).toEqual([
      [1, 'superseded', (await get(`/v1/cases/${caseId}`, 'researcher')).body.number],
      [2, 'active', amendment.number],
    ]);
    expect((await get(`/v1/permits/${v1.id}`, 'researcher').expect(200)).body).toMatchObject({ state: 'superseded', version: 1 });

    // Only the new data is ordered: RKKP delivers to the amendment; SDS's first order stands.
    const newOrders = (await get(`/v1/cases/${amendment.id}`, 'researcher').expect(200)).body.deliveryOrders;
    expect(newOrders).toEqual([expect.objectContaining({ kind: 'delivery', holder: expect.objectContaining({ cvr: RKKP }), sources: ['rkkp-dap'], permitNumber: v1.number })]);
    expect((await get(`/v1/cases/${caseId}/delivery-orders`, 'researcher').expect(200)).body.items.map((o: any) => o.holder.cvr)).toEqual([SDS]);

    // The audit trail records version 2 and the version it replaced.
    const trail = (await get(`/v1/cases/${amendment.id}/audit`, 'auditor').expect(200)).body.items;
    const issued = trail.find((e: any) => e.action === 'permit.issued');
    expect(issued.payload).toMatchObject({ number: v1.number, version: 2, kind: 'amendment', previousVersion: { permitId: v1.id, version: 1, caseId } });
    expect(trail.map((e: any) => e.action)).toContain('permit.amendment_submitted');
    const original = (await get(`/v1/cases/${caseId}/audit`, 'auditor').expect(200)).body.items.map((e: any) => e.action);
    expect(original).toEqual(expect.arrayContaining(['permit.issued', 'permit.amendment_drafted', 'permit.superseded']));

    // The public register shows the chain: each decision with the version it is part of now.
    const register = (await request(t.server).get('/v1/public/decisions?limit=100').expect(200)).body.items;
    const rkkpEntry = register.find((d: any) => d.caseNumber === amendment.number);
    expect(rkkpEntry).toMatchObject({ caseKind: 'amendment', dataSource: { id: 'rkkp-dap' }, permit: { number: v1.number, version: 2 } });
    expect(rkkpEntry.permit.versions.map((v: any) => [v.version, v.kind])).toEqual([
      [1, 'application'],
      [2, 'amendment'],
    ]);
    expect(register.find((d: any) => d.dataSource.id === 'lpr' && d.permit?.number === v1.number).permit.version).toBe(2);

    // Revoking version 2 ends access to the data of every version: both holders get stop orders.
    await post(`/v1/permits/${v2.id}/revoke`, 'approver', { reason: 'Data used outside the permit (EHDS art. 63)', urgencyReason: 'Data are being used outside the permit now; a hearing would let it go on (forvaltningsloven § 19, stk. 2).' }).expect(200);
    const stopped = [
      ...(await get(`/v1/cases/${caseId}/delivery-orders`, 'caseworker').expect(200)).body.items,
      ...(await get(`/v1/cases/${amendment.id}/delivery-orders`, 'caseworker').expect(200)).body.items,
    ].filter((o: any) => o.kind === 'stop');
    expect(stopped.map((o: any) => o.holder.cvr).sort()).toEqual([RKKP, SDS].sort());
    // A permit no longer running cannot be amended.
    expect((await post(`/v1/permits/${v2.id}/amendments`, 'researcher').expect(409)).body.type).toContain('permit-not-active');
  });

  it('an extension before expiry is decided by the authority that granted each part and moves the permit’s end in version 2', async () => {
    t.clock.set(new Date('2027-06-01T09:00:00Z'));
    const { caseId, permit: v1 } = await permitFor(
      completeApplication({ projectPeriod: { start: '2027-07-01', end: '2028-06-30' }, retentionUntil: '2028-06-30', dataRequests: [dataRequest('lpr'), dataRequest('rkkp-dap')] }),
    );
    const original = (await get(`/v1/cases/${caseId}`, 'researcher').expect(200)).body;

    // The new end must be later than the permit's.
    const earlier = (await post(`/v1/permits/${v1.id}/extensions`, 'researcher', { projectPeriodEnd: '2028-01-31', reason: 'Recruitment was slower than planned.' }).expect(400)).body;
    expect(earlier.errors).toEqual([expect.objectContaining({ field: 'projectPeriod.end', messages: ['skal ligge efter tilladelsens slutdato (2028-06-30)'] })]);
    await post(`/v1/permits/${v1.id}/extensions`, 'researcher', { projectPeriodEnd: '2029-06-30' }).expect(400);
    await post(`/v1/permits/${v1.id}/extensions`, 'otherResearcher', { projectPeriodEnd: '2029-06-30', reason: 'x' }).expect(404);

    const opened = (await post(`/v1/permits/${v1.id}/extensions`, 'researcher', { projectPeriodEnd: '2029-06-30', reason: 'Recruitment was slower than planned.' }).expect(202)).body;
    expect(opened).toMatchObject({ kind: 'extension', state: 'submitted', amends: { permitNumber: v1.number, permitVersion: 1, reason: 'Recruitment was slower than planned.' } });
    const extension = await inReview(opened.id);
    // Every part, each for the authority that granted it; no new data.
    const authority = (c: any) => Object.fromEntries(c.subCases.map((s: any) => [s.dataSourceId, [s.track, s.decidingAuthority]]));
    expect(authority(extension)).toEqual(authority(original));

    const v2 = await approveAll(extension);
    expect(v2).toMatchObject({ number: v1.number, version: 2, previousVersionId: v1.id });
    expect(v2.validUntil.slice(0, 10)).toBe('2029-06-30');
    expect(v2.approvedParts.map((p: any) => p.change)).toEqual(['terms', 'terms']);
    expect(v2.fees).toMatchObject({ holders: [], total: 0 });
    // No new data, so no new delivery orders.
    expect((await get(`/v1/cases/${extension.id}/delivery-orders`, 'researcher').expect(200)).body.items).toEqual([]);

    // After the permit has run out, it can no longer be extended.
    t.clock.set(new Date('2029-07-02T09:00:00Z'));
    const late = (await post(`/v1/permits/${v2.id}/extensions`, 'researcher', { projectPeriodEnd: '2030-06-30', reason: 'More follow-up.' }).expect(409)).body;
    expect(late.type).toContain('permit-not-active');
  });
});
