import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest } from './support/applications';
import { pdf } from './support/office-files';
import { startTestSmtpServer, TestSmtpServer } from './support/smtp';
import { waitFor } from './support/wait';

/**
 * The team (issue 16): the applicant invites co-applicants and named researchers (EHDS art. 61(2))
 * by e-mail; the invitee accepts after signing in with that address, before the invitation
 * expires; members read the draft and the case, and only the applicant submits or acts. A stranger
 * reads nothing (404: the existence of health-data applications is not disclosed).
 */
describe('an application’s team (e2e)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  const tokens: Record<string, string> = {};
  const DAY = 24 * 60 * 60 * 1000;
  const get = (path: string, who: string) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: string, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const del = (path: string, who: string) => request(t.server).delete(path).set(bearer(tokens[who]));
  const noticeKinds = async (who: string) => ((await get('/v1/me/notifications', who).expect(200)).body.items as { kind: string }[]).map((n) => n.kind);

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp('application_team', { env: { LOG_LEVEL: 'error', SMTP_URL: smtp.url, SMTP_FROM: 'Ét kontaktpunkt <kontakt@kontaktpunkt.test>' } });
    t.clock.set(new Date('2027-03-01T08:00:00Z'));
    const people = {
      applicant: { sub: 'r-team-1', role: 'researcher', organisation: '31119103', email: 'mette.jensen@au.dk' },
      coApplicant: { sub: 'r-team-2', role: 'researcher', organisation: '29979812', email: 'Anna.Berg@sdu.dk', name: 'Anna Berg' },
      stranger: { sub: 'r-team-3', role: 'researcher', organisation: '31119103', email: 'lars.holm@ku.dk' },
      late: { sub: 'r-team-4', role: 'researcher', organisation: '31119103', email: 'late@au.dk' },
      second: { sub: 'r-team-5', role: 'researcher', organisation: '29979812', email: 'jonas.lund@sdu.dk', name: 'Jonas Lund' },
      pending: { sub: 'r-team-6', role: 'researcher', organisation: '29979812', email: 'pending@sdu.dk' },
      auditor: { sub: 'au-team-1', role: 'auditor', organisation: '33257872' },
      caseworker: { sub: 'cw-team-1', role: 'caseworker', organisation: '33257872' },
    } as const;
    for (const [name, actor] of Object.entries(people)) tokens[name] = await t.token(actor);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('lets an invited co-applicant read the draft and the case, and never submit or act on it; a stranger reads nothing', async () => {
    const content = completeApplication({ dataRequests: [dataRequest('lpr')] });
    const draft = (await post('/v1/applications', 'applicant', content).expect(201)).body;
    await request(t.server).post(`/v1/applications/${draft.id}/attachments`).set(bearer(tokens.applicant)).field('kind', 'protocol').attach('file', pdf(), 'protokol.pdf').expect(201);

    // Only the applicant invites; the address must be one.
    expect((await post(`/v1/applications/${draft.id}/team`, 'applicant', { email: 'not an address', teamRole: 'co_applicant' }).expect(400)).body.errors[0].field).toBe('email');
    await post(`/v1/applications/${draft.id}/team`, 'stranger', { email: 'lars.holm@ku.dk', teamRole: 'co_applicant' }).expect(404);
    const invitation = (await post(`/v1/applications/${draft.id}/team`, 'applicant', { email: 'anna.berg@sdu.dk', name: 'Anna Berg', teamRole: 'co_applicant' }).expect(201)).body;
    expect(invitation).toMatchObject({ applicationId: draft.id, email: 'anna.berg@sdu.dk', teamRole: 'co_applicant', status: 'invited', acceptedAt: null });
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.invitedAt).getTime()).toBe(14 * DAY);

    // The invitation reaches the address by e-mail (the invitee may have no account yet).
    const mail = await waitFor(async () => smtp.accepted('anna.berg@sdu.dk')[0], 20000, 'the invitation e-mail');
    expect(mail.subject).toContain(String(content.title));
    expect(mail.text).toContain('medansøger');

    // Invited is not yet a member: the draft is still hidden from the invitee.
    await get(`/v1/applications/${draft.id}`, 'coApplicant').expect(404);
    // The invitation is found by the address the invitee signed in with (case does not matter), and by nobody else.
    const mine = (await get('/v1/me/team-invitations', 'coApplicant').expect(200)).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: invitation.id, title: content.title, status: 'invited' })]);
    expect((await get('/v1/me/team-invitations', 'stranger').expect(200)).body.items).toEqual([]);
    await post(`/v1/team-invitations/${invitation.id}/accept`, 'stranger').expect(404);
    const accepted = (await post(`/v1/team-invitations/${invitation.id}/accept`, 'coApplicant').expect(200)).body;
    expect(accepted).toMatchObject({ id: invitation.id, status: 'accepted', you: true });

    // The member finds it among their applications; a stranger does not.
    // Each view says who the reader is: the applicant acts, a member reads what was shared with them.
    expect((await get('/v1/applications', 'coApplicant').expect(200)).body.items.map((a: { id: string; myRole: string }) => [a.id, a.myRole])).toEqual([[draft.id, 'co_applicant']]);
    expect((await get('/v1/applications', 'applicant').expect(200)).body.items.find((a: { id: string }) => a.id === draft.id).myRole).toBe('applicant');
    expect((await get(`/v1/applications/${draft.id}`, 'applicant').expect(200)).body.myRole).toBe('applicant');
    expect((await get(`/v1/applications/${draft.id}`, 'coApplicant').expect(200)).body.myRole).toBe('co_applicant');
    expect((await get('/v1/applications', 'stranger').expect(200)).body.items).toEqual([]);
    // The member reads the draft, its attachments and its team; changes, checks and submits nothing.
    expect((await get(`/v1/applications/${draft.id}`, 'coApplicant').expect(200)).body.id).toBe(draft.id);
    expect((await get(`/v1/applications/${draft.id}/attachments`, 'coApplicant').expect(200)).body.items).toHaveLength(1);
    expect((await get(`/v1/applications/${draft.id}/team`, 'coApplicant').expect(200)).body.items).toEqual([expect.objectContaining({ status: 'accepted', you: true })]);
    const edit = await request(t.server).patch(`/v1/applications/${draft.id}`).set(bearer(tokens.coApplicant)).set('Content-Type', 'application/merge-patch+json').send({ title: 'Taken over' });
    expect(edit.status).toBe(403);
    const submitByMember = await post(`/v1/applications/${draft.id}/submit`, 'coApplicant').expect(403);
    expect(submitByMember.headers['content-type']).toContain('application/problem+json');
    await request(t.server).post(`/v1/applications/${draft.id}/attachments`).set(bearer(tokens.coApplicant)).field('kind', 'contract').attach('file', pdf(), 'k.pdf').expect(403);
    await post(`/v1/applications/${draft.id}/team`, 'coApplicant', { email: 'friend@sdu.dk', teamRole: 'named_researcher' }).expect(403);
    await get(`/v1/applications/${draft.id}`, 'stranger').expect(404);

    // The applicant submits; the member reads the case and what is attached to it, and cannot withdraw it.
    const submitted = (await post(`/v1/applications/${draft.id}/submit`, 'applicant').expect(202)).body;
    const screened = await waitFor(async () => {
      const res = await get(`/v1/cases/${submitted.id}`, 'coApplicant');
      return res.status === 200 && res.body.state === 'in_review' ? res.body : undefined;
    }, 20000, 'the case, as the co-applicant reads it');
    expect(screened.number).toBe(submitted.number);
    expect(screened.myRole).toBe('co_applicant');
    expect((await get(`/v1/cases/${submitted.id}`, 'applicant').expect(200)).body.myRole).toBe('applicant');
    expect((await get(`/v1/cases/${submitted.id}`, 'caseworker').expect(200)).body.myRole).toBeNull();
    // The case offers the member no step: reading is all a member does.
    expect([...screened.nextSteps, ...screened.subCases.flatMap((p: { nextSteps: unknown[] }) => p.nextSteps)]).toEqual([]);
    const files = (await get(`/v1/cases/${submitted.id}/attachments`, 'coApplicant').expect(200)).body.items;
    await get(files[0].contentUrl, 'coApplicant').expect(200);
    await post(`/v1/applications/${draft.id}/withdraw`, 'coApplicant', { reason: 'Not mine to withdraw.' }).expect(403);
    await request(t.server).post(`/v1/cases/${submitted.id}/attachments`).set(bearer(tokens.coApplicant)).field('kind', 'contract').attach('file', pdf(), 'k.pdf').expect(403);
    expect((await get(`/v1/cases/${submitted.id}`, 'applicant').expect(200)).body.state).toBe('in_review');

    // A stranger still reads nothing of it.
    await get(`/v1/cases/${submitted.id}`, 'stranger').expect(404);
    await get(`/v1/cases/${submitted.number}/attachments`, 'stranger').expect(404);
    await get(files[0].contentUrl, 'stranger').expect(404);
    await get(`/v1/cases/${submitted.id}/audit`, 'stranger').expect(404);
    // The applicant was told who joined.
    const notices = (await get('/v1/me/notifications', 'applicant').expect(200)).body.items as { kind: string }[];
    expect(notices.map((n) => n.kind)).toContain('team_joined');
  });

  it('refuses an invitation accepted after it expired (409), until the applicant invites again', async () => {
    const draft = (await post('/v1/applications', 'applicant', completeApplication({ dataRequests: [dataRequest('lpr')] })).expect(201)).body;
    const invitation = (await post(`/v1/applications/${draft.id}/team`, 'applicant', { email: 'late@au.dk', teamRole: 'named_researcher' }).expect(201)).body;
    t.clock.set(new Date(new Date(invitation.expiresAt).getTime() + 1000));
    expect((await get('/v1/me/team-invitations', 'late').expect(200)).body.items).toEqual([]);
    const expired = await post(`/v1/team-invitations/${invitation.id}/accept`, 'late').expect(409);
    expect(expired.body.type).toContain('invitation-expired');
    await get(`/v1/applications/${draft.id}`, 'late').expect(404);
    const renewed = (await post(`/v1/applications/${draft.id}/team`, 'applicant', { email: 'late@au.dk', teamRole: 'named_researcher' }).expect(201)).body;
    expect(renewed.id).toBe(invitation.id);
    await post(`/v1/team-invitations/${invitation.id}/accept`, 'late').expect(200);
    await get(`/v1/applications/${draft.id}`, 'late').expect(200);
    // Once joined, inviting the same address again is refused.
    expect((await post(`/v1/applications/${draft.id}/team`, 'applicant', { email: 'LATE@au.dk', teamRole: 'named_researcher' }).expect(409)).body.type).toContain('team-member-exists');
  });

  it('lets the applicant remove a member or withdraw an invitation, and a member leave; access ends at once, on the draft and on the case', async () => {
    const content = completeApplication({ dataRequests: [dataRequest('lpr')] });
    const draft = (await post('/v1/applications', 'applicant', content).expect(201)).body;
    const team = `/v1/applications/${draft.id}/team`;
    const join = async (who: string, email: string) => {
      const invitation = (await post(team, 'applicant', { email, teamRole: 'named_researcher' }).expect(201)).body;
      await post(`/v1/team-invitations/${invitation.id}/accept`, who).expect(200);
      return invitation.id as string;
    };
    const coApplicant = await join('coApplicant', 'anna.berg@sdu.dk');
    const second = await join('second', 'jonas.lund@sdu.dk');
    const open = (await post(team, 'applicant', { email: 'pending@sdu.dk', teamRole: 'co_applicant' }).expect(201)).body.id;
    const file = (await request(t.server).post(`/v1/applications/${draft.id}/attachments`).set(bearer(tokens.applicant)).field('kind', 'protocol').attach('file', pdf(), 'protokol.pdf').expect(201)).body;

    // Only the applicant removes others: a member may not (403), a stranger does not see the application (404), staff have no such route (403).
    expect((await del(`${team}/${second}`, 'coApplicant').expect(403)).headers['content-type']).toContain('application/problem+json');
    await del(`${team}/${second}`, 'stranger').expect(404);
    await del(`${team}/${second}`, 'caseworker').expect(403);
    await del(`${team}/00000000-0000-4000-8000-000000000000`, 'applicant').expect(404);
    // The applicant is no member of their own team: there is nothing to remove by their subject.
    await del(`${team}/r-team-1`, 'applicant').expect(404);
    expect((await get(`/v1/applications/${draft.id}`, 'second').expect(200)).body.myRole).toBe('named_researcher');

    // An open invitation withdrawn cannot be accepted any more; the invitee is told by e-mail.
    await del(`${team}/${open}`, 'applicant').expect(204);
    expect((await get('/v1/me/team-invitations', 'pending').expect(200)).body.items).toEqual([]);
    await post(`/v1/team-invitations/${open}/accept`, 'pending').expect(404);
    const withdrawnMail = await waitFor(async () => smtp.accepted('pending@sdu.dk').find((m) => /trukket tilbage|withdrawn/.test(m.subject ?? '')), 20000, 'the e-mail saying the invitation was withdrawn');
    expect(withdrawnMail.subject).toContain(String(content.title));

    // A member removed from the draft reads nothing of it from then on, and is told.
    await del(`${team}/${second}`, 'applicant').expect(204);
    await get(`/v1/applications/${draft.id}`, 'second').expect(404);
    await get(`/v1/applications/${draft.id}/attachments`, 'second').expect(404);
    await get(`/v1/applications/${draft.id}/team`, 'second').expect(404);
    await get(file.contentUrl, 'second').expect(404);
    expect((await get('/v1/applications', 'second').expect(200)).body.items).toEqual([]);
    expect(await noticeKinds('second')).toContain('team_removed');
    // Removing twice finds nothing; the team shows the one member left.
    await del(`${team}/${second}`, 'applicant').expect(404);
    expect((await get(team, 'applicant').expect(200)).body.items.map((m: { id: string }) => m.id)).toEqual([coApplicant]);

    // On the submitted case a member leaves: the case, its attachments and its trail are closed to them at once; the applicant is told.
    const submitted = (await post(`/v1/applications/${draft.id}/submit`, 'applicant').expect(202)).body;
    await waitFor(async () => ((await get(`/v1/cases/${submitted.id}`, 'coApplicant')).body.state === 'in_review' ? true : undefined), 20000, 'the screened case');
    await del(`${team}/${coApplicant}`, 'coApplicant').expect(204);
    await get(`/v1/cases/${submitted.id}`, 'coApplicant').expect(404);
    await get(`/v1/cases/${submitted.id}/attachments`, 'coApplicant').expect(404);
    await get(`/v1/cases/${submitted.id}/audit`, 'coApplicant').expect(404);
    await get(file.contentUrl, 'coApplicant').expect(404);
    await get(`/v1/applications/${draft.id}`, 'coApplicant').expect(404);
    expect(await noticeKinds('applicant')).toContain('team_left');
    expect((await get(team, 'applicant').expect(200)).body.items).toEqual([]);
    // The case file shows who left and when access ended.
    const trail = (await get(`/v1/cases/${submitted.id}/audit`, 'auditor').expect(200)).body;
    const events = (trail.items ?? trail.events ?? trail) as { action: string; payload: Record<string, unknown> }[];
    expect(events.filter((e) => e.action === 'application.team_left').map((e) => e.payload.invitationId)).toEqual([coApplicant]);

    // A removed address may be invited again; accepted anew, it reads the case again.
    const again = (await post(team, 'applicant', { email: 'jonas.lund@sdu.dk', teamRole: 'named_researcher' }).expect(201)).body;
    expect(again.id).not.toBe(second);
    await post(`/v1/team-invitations/${again.id}/accept`, 'second').expect(200);
    await get(`/v1/cases/${submitted.id}`, 'second').expect(200);
  });
});
