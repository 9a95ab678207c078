import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { pdf } from './support/office-files';

/**
 * Pre-screening help (issue 16): the researcher shares a draft with a region's data-support centre
 * (the advisors of that region), which comments before submission; the researcher reads the
 * comments. An advisor sees only the drafts shared with their own region, and only while they are
 * drafts (need to know, GDPR art. 5(1)(c)).
 */
describe('pre-screening of a draft by a regional data-support centre (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);

  beforeAll(async () => {
    t = await startTestApp('pre_screening', { env: { LOG_LEVEL: 'error' } });
    const people = {
      researcher: { sub: 'r-pre-1', role: 'researcher', organisation: '31119103' },
      otherResearcher: { sub: 'r-pre-2', role: 'researcher', organisation: '29979812' },
      advisorMidt: { sub: 'adv-pre-rm', role: 'advisor', region: 'region-midtjylland' },
      advisorHovedstaden: { sub: 'adv-pre-rh', role: 'advisor', region: 'region-hovedstaden' },
      caseworker: { sub: 'cw-pre-1', role: 'caseworker', organisation: '33257872' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  });
  afterAll(() => t.close());

  it('lets the region the draft is shared with read it and comment before submission, and the researcher read the comments', async () => {
    const content = completeApplication({ dataRequests: [dataRequest('epj-region-midtjylland')] });
    const draft = (await post('/v1/applications', 'researcher', content).expect(201)).body;
    const protocol = (await request(t.server).post(`/v1/applications/${draft.id}/attachments`).set(bearer(tokens.researcher)).field('kind', 'protocol').attach('file', pdf(), 'protokol.pdf').expect(201)).body;
    const unshared = (await post('/v1/applications', 'researcher', content).expect(201)).body;

    // Not yet shared: the advisor finds nothing.
    await get(`/v1/applications/${draft.id}`, 'advisorMidt').expect(404);
    expect((await get('/v1/pre-screening', 'advisorMidt').expect(200)).body.items).toEqual([]);

    // Only the applicant shares, with a region named as a slug.
    expect((await post(`/v1/applications/${draft.id}/pre-screening/shares`, 'researcher', { region: 'Region Midtjylland' }).expect(400)).body.errors[0].field).toBe('region');
    await post(`/v1/applications/${draft.id}/pre-screening/shares`, 'otherResearcher', { region: 'region-midtjylland' }).expect(404);
    const share = (await post(`/v1/applications/${draft.id}/pre-screening/shares`, 'researcher', { region: 'region-midtjylland', message: 'Is the population definable in your EPJ?' }).expect(201)).body;
    expect(share).toMatchObject({ applicationId: draft.id, region: 'region-midtjylland', message: 'Is the population definable in your EPJ?' });
    // Region Midtjylland's advisors are told.
    const notices = (await get('/v1/me/notifications', 'advisorMidt').expect(200)).body.items as { kind: string }[];
    expect(notices.map((n) => n.kind)).toContain('draft_shared');

    // The region's queue lists it; the advisor reads the draft and its protocol.
    expect((await get('/v1/pre-screening', 'advisorMidt').expect(200)).body.items).toEqual([expect.objectContaining({ applicationId: draft.id, title: content.title, region: 'region-midtjylland' })]);
    expect((await get(`/v1/applications/${draft.id}`, 'advisorMidt').expect(200)).body.id).toBe(draft.id);
    expect((await get(`/v1/applications/${draft.id}/attachments`, 'advisorMidt').expect(200)).body.items.map((a: { id: string }) => a.id)).toEqual([protocol.id]);
    await get(protocol.contentUrl, 'advisorMidt').expect(200);
    // ... but changes nothing of it.
    await request(t.server).patch(`/v1/applications/${draft.id}`).set(bearer(tokens.advisorMidt)).set('Content-Type', 'application/merge-patch+json').send({ title: 'x' }).expect(403);

    // Another region sees none of it, and cannot comment; nor can anyone see a draft not shared.
    expect((await get('/v1/pre-screening', 'advisorHovedstaden').expect(200)).body.items).toEqual([]);
    await get(`/v1/applications/${draft.id}`, 'advisorHovedstaden').expect(404);
    await get(`/v1/applications/${draft.id}/pre-screening`, 'advisorHovedstaden').expect(404);
    await get(`/v1/applications/${draft.id}/attachments`, 'advisorHovedstaden').expect(404);
    await get(protocol.contentUrl, 'advisorHovedstaden').expect(404);
    await post(`/v1/applications/${draft.id}/pre-screening/comments`, 'advisorHovedstaden', { text: 'Not ours.' }).expect(404);
    await get(`/v1/applications/${unshared.id}`, 'advisorMidt').expect(404);
    await post(`/v1/applications/${unshared.id}/pre-screening/comments`, 'advisorMidt', { text: 'Not shared.' }).expect(404);

    // The centre comments; the researcher reads the comment (by region) and is told.
    expect((await post(`/v1/applications/${draft.id}/pre-screening/comments`, 'advisorMidt', { text: '' }).expect(400)).body.errors[0].field).toBe('text');
    const comment = (await post(`/v1/applications/${draft.id}/pre-screening/comments`, 'advisorMidt', { text: 'Yes, from 2015 on; name the diagnosis codes (ICD-10 I60–I69) in the data request.' }).expect(201)).body;
    const seen = (await get(`/v1/applications/${draft.id}/pre-screening`, 'researcher').expect(200)).body;
    expect(seen.shares).toEqual([expect.objectContaining({ id: share.id })]);
    expect(seen.comments).toEqual([{ id: comment.id, applicationId: draft.id, region: 'region-midtjylland', text: comment.text, createdAt: comment.createdAt }]);
    expect(JSON.stringify(seen)).not.toContain('adv-pre-rm');
    expect(((await get('/v1/me/notifications', 'researcher').expect(200)).body.items as { kind: string }[]).map((n) => n.kind)).toContain('draft_commented');
    await get(`/v1/applications/${draft.id}/pre-screening`, 'otherResearcher').expect(404);

    // Submitted, the draft is a case: no more comments, and the advisor no longer reads it as a draft.
    await post(`/v1/applications/${draft.id}/submit`, 'researcher').expect(202);
    expect((await post(`/v1/applications/${draft.id}/pre-screening/comments`, 'advisorMidt', { text: 'One more thing.' }).expect(409)).body.type).toContain('command-not-allowed');
    await post(`/v1/applications/${draft.id}/pre-screening/shares`, 'researcher', { region: 'region-hovedstaden' }).expect(409);
    await get(`/v1/applications/${draft.id}`, 'advisorMidt').expect(404);
    expect((await get('/v1/pre-screening', 'advisorMidt').expect(200)).body.items).toEqual([]);
  });
});
