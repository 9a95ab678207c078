import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, submitAndScreen } from './support/applications';

/**
 * Absence (issue 16): a caseworker or legal approver is marked absent, by an admin or themselves;
 * nobody assigns them a case meanwhile; an admin hands all their open cases to a colleague at once,
 * each case audited, and a case the colleague may not handle for impartiality stays (forvaltningsloven § 3).
 */
describe('absence and bulk reassignment (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const send = (method: 'post' | 'put', path: string, who: string, body: object = {}) => request(t.server)[method](path).set(bearer(tokens[who])).send(body);

  beforeAll(async () => {
    t = await startTestApp('absence', { env: { LOG_LEVEL: 'error' } });
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      researcher: { sub: 'r-1', role: 'researcher', organisation: '31119103' },
      away: { sub: 'cw-away', role: 'caseworker', organisation: '33257872' },
      colleague: { sub: 'cw-2', role: 'caseworker', organisation: '33257872' },
      conflicted: { sub: 'cw-3', role: 'caseworker', organisation: '33257872' },
      approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
      admin: { sub: 'adm-1', role: 'admin' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
    // Each becomes known staff by signing in to case work once.
    for (const who of ['away', 'colleague', 'conflicted', 'approver']) await get('/v1/queues/central', who).expect(200);
    await send('put', '/v1/me/conflicts', 'conflicted', { organisations: [{ cvr: '31119103', reason: 'Former employer' }] }).expect(200);
  });
  afterAll(() => t.close());

  it('marks absence by the person or an admin, and assigns no case to someone absent', async () => {
    // Only oneself or an admin; nobody else.
    await send('put', '/v1/staff/cw-away/absence', 'colleague', { absent: true }).expect(403);
    await send('put', '/v1/staff/cw-away/absence', 'researcher', { absent: true }).expect(403);
    const self = (await send('put', '/v1/staff/cw-away/absence', 'away', { absent: true, until: '2027-03-19' }).expect(200)).body;
    expect(self.absence).toMatchObject({ until: '2027-03-19', markedBy: 'cw-away' });
    expect((await send('put', '/v1/staff/cw-away/absence', 'away', { absent: true, until: '19-03-2027' }).expect(400)).body.errors[0].field).toBe('until');
    await send('put', '/v1/staff/nobody/absence', 'admin', { absent: true }).expect(404);

    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await send('post', `/v1/cases/${c.id}/claim`, 'colleague').expect(200);
    const refused = await send('post', `/v1/cases/${c.id}/assign`, 'colleague', { assignee: 'cw-away' }).expect(422);
    expect(refused.body.type).toContain('assignee-absent');

    const back = (await send('put', '/v1/staff/cw-away/absence', 'admin', { absent: false }).expect(200)).body;
    expect(back.absence).toBeNull();
    await send('post', `/v1/cases/${c.id}/assign`, 'colleague', { assignee: 'cw-away' }).expect(200);
  });

  it('hands every open case of an absent caseworker to a colleague at once, audited, except where the colleague is conflicted', async () => {
    // cw-away holds three open cases (one from the test above, two more) and one that is withdrawn.
    const held: { id: string; number: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication());
      await send('post', `/v1/cases/${c.id}/claim`, 'away').expect(200);
      held.push(c);
    }
    const { applicationId, case: gone } = await submitAndScreen(t, tokens.researcher, completeApplication());
    await send('post', `/v1/cases/${gone.id}/claim`, 'away').expect(200);
    await send('post', `/v1/applications/${applicationId}/withdraw`, 'researcher', { reason: 'No longer needed.' }).expect(200);
    await send('put', '/v1/staff/cw-away/absence', 'admin', { absent: true }).expect(200);
    const mine = (await get('/v1/queues/mine', 'away').expect(200)).body.items.map((c: { number: string }) => c.number);
    expect(mine).toHaveLength(3);

    // Only an admin; not to someone absent, not to someone unknown.
    await send('post', '/v1/admin/staff/cw-away/reassign-cases', 'approver', { to: 'cw-2' }).expect(403);
    expect((await send('post', '/v1/admin/staff/cw-away/reassign-cases', 'admin', { to: 'cw-away' }).expect(422)).body.type).toContain('unknown-assignee');
    expect((await send('post', '/v1/admin/staff/cw-away/reassign-cases', 'admin', { to: 'nobody' }).expect(422)).body.type).toContain('unknown-assignee');

    // The conflicted colleague may take none of them (the applicant is her former employer): all stay, listed.
    const blocked = (await send('post', '/v1/admin/staff/cw-away/reassign-cases', 'admin', { to: 'cw-3' }).expect(200)).body;
    expect(blocked.reassigned).toEqual([]);
    expect(blocked.skipped.map((s: { number: string }) => s.number).sort()).toEqual([...mine].sort());
    expect(blocked.skipped.every((s: { reason: string }) => s.reason === 'conflict-of-interest')).toBe(true);

    const done = (await send('post', '/v1/admin/staff/cw-away/reassign-cases', 'admin', { to: 'cw-2' }).expect(200)).body;
    expect(done.reassigned.map((r: { number: string }) => r.number).sort()).toEqual([...mine].sort());
    expect(done.skipped).toEqual([]);
    expect((await get('/v1/queues/mine', 'away').expect(200)).body.items).toEqual([]);
    const colleagues = (await get('/v1/queues/mine', 'colleague').expect(200)).body.items.map((c: { number: string }) => c.number);
    expect(colleagues).toEqual(expect.arrayContaining(mine));
    for (const c of held) expect((await get(`/v1/cases/${c.id}`, 'colleague').expect(200)).body.assignee).toBe('cw-2');
    // The withdrawn case is not handed on.
    expect((await get(`/v1/cases/${gone.id}`, 'colleague').expect(200)).body.assignee).toBe('cw-away');

    // Each case's audit trail names the move and the admin who made it.
    const trail = (await get(`/v1/cases/${held[0].id}/audit?limit=200`, 'approver').expect(200)).body.items;
    expect(trail.find((e: { action: string }) => e.action === 'case.reassigned').payload).toMatchObject({ from: 'cw-away', to: 'cw-2', by: 'adm-1', reason: 'absence' });
  });
});
