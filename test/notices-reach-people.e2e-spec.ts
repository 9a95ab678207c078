import request from 'supertest';
import { startTestApp, TestApp } from './support/app';
import { bearer, completeApplication, dataRequest, submitAndScreen } from './support/applications';
import { ReceivedMail, startTestSmtpServer, TestSmtpServer } from './support/smtp';
import { waitFor } from './support/wait';

/**
 * Issue 11: everyone who must act is told, in the app and by e-mail in their own language, at the
 * step that needs them — through a real SMTP server started here. A case with LPR (central track)
 * and Region Midtjylland's patient records (collaborative) runs from submission to a permit that
 * is about to expire and is revoked.
 */
describe('notices reach people: in the app and by e-mail (e2e)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  const tokens: Record<string, string> = {};
  let caseId: string;
  let caseNumber: string;
  let sub: Record<string, string>;
  let permitId: string;

  const people = {
    researcher: { sub: 'nr-researcher', role: 'researcher', organisation: '31119103', name: 'Mette Jensen', email: 'mette.jensen@au.dk', locale: 'en-GB' },
    caseworker: { sub: 'nr-caseworker', role: 'caseworker', organisation: '33257872', name: 'Karen Holm', email: 'karen.holm@sundhedsdata.dk' },
    approverDa: { sub: 'nr-approver-da', role: 'legal_approver', organisation: '33257872', name: 'Jens Berg', email: 'jens.berg@sundhedsdata.dk', locale: 'da-DK' },
    approverEn: { sub: 'nr-approver-en', role: 'legal_approver', organisation: '33257872', name: 'Anna Smith', email: 'anna.smith@sundhedsdata.dk', locale: 'en' },
    approverAway: { sub: 'nr-approver-away', role: 'legal_approver', organisation: '33257872', name: 'Ole Lund', email: 'ole.lund@sundhedsdata.dk' },
    advisorMidt: { sub: 'nr-adv-rm', role: 'advisor', region: 'region-midtjylland', name: 'Lise Dam', email: 'lise.dam@rm.dk' },
    advisorHovedstaden: { sub: 'nr-adv-rh', role: 'advisor', region: 'region-hovedstaden', name: 'Per Kirk', email: 'per.kirk@regionh.dk' },
    controllerMidt: { sub: 'nr-ctl-rm', role: 'controller', organisation: '29190925', name: 'Bo Ravn', email: 'bo.ravn@rm.dk' },
    admin: { sub: 'nr-admin', role: 'admin' },
  } as const;
  type Person = keyof typeof people;

  const get = (path: string, who: Person) => request(t.server).get(path).set(bearer(tokens[who]));
  const post = (path: string, who: Person, body: object = {}) => request(t.server).post(path).set(bearer(tokens[who])).send(body);
  const notices = async (who: Person, kind: string) => (await get(`/v1/me/notifications?kind=${kind}&case=${caseNumber}`, who).expect(200)).body.items;
  /** The accepted e-mails to this person whose subject names the case, once `count` have arrived. */
  const mailsTo = (who: Person, subject: RegExp, count = 1) =>
    waitFor(async () => {
      const mails = smtp.accepted(people[who as 'caseworker'].email).filter((m) => subject.test(m.subject));
      return mails.length >= count ? mails : undefined;
    }, 20000, `${count} e-mail(s) to ${who} matching ${subject}`);
  const mailsMatching = (subject: RegExp) => smtp.accepted().filter((m) => subject.test(m.subject));

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await startTestApp('notices_reach_people', { env: { SMTP_URL: smtp.url, SMTP_FROM: 'Ét kontaktpunkt <kontakt@kontaktpunkt.test>', PERMIT_EXPIRY_SWEEP_MS: '250' } });
    for (const [name, actor] of Object.entries(people)) {
      tokens[name] = await t.token(actor as never);
      // Signing in records each person in the staff directory (e-mail from the token's claim).
      await request(t.server).get('/v1/me').set(bearer(tokens[name])).expect(200);
    }
    // One approver is on leave: the admin marks them inactive, so notices to their role no longer reach them.
    await request(t.server).patch('/v1/admin/staff/nr-approver-away').set(bearer(tokens.admin)).send({ active: false }).expect(200);

    const { case: c } = await submitAndScreen(t, tokens.researcher, completeApplication({ dataRequests: [dataRequest('lpr'), dataRequest('epj-region-midtjylland')] }));
    caseId = c.id;
    caseNumber = c.number;
    sub = Object.fromEntries(c.subCases.map((s: { dataSourceId: string; id: string }) => [s.dataSourceId, s.id]));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('asks the region’s advisors when a consultation is requested — by the rules at screening or by a caseworker — and no other region', async () => {
    // Screening required Region Midtjylland's consultation on its patient records.
    expect(await notices('advisorMidt', 'consultation_requested')).toMatchObject([{ addressedTo: 'role', caseId }]);
    expect(await notices('advisorHovedstaden', 'consultation_requested')).toEqual([]);
    const [toMidt] = await mailsTo('advisorMidt', new RegExp(`Anmodning om rådgivning i sag ${caseNumber}`));
    expect(toMidt).toMatchObject({ to: ['lise.dam@rm.dk'], language: 'da' });
    expect(toMidt.text).toContain('Kære Lise Dam');
    expect(toMidt.text).toContain(`Sag: ${caseNumber}`);

    await post(`/v1/cases/${caseId}/claim`, 'caseworker').expect(200);
    await post(`/v1/cases/${caseId}/consultations`, 'caseworker', {
      advisorRegion: 'region-hovedstaden',
      question: 'Do the patients of Rigshospitalet appear in MidtEPJ when treated in Aarhus?',
      deadline: new Date(t.clock.now().getTime() + 7 * 24 * 3600 * 1000).toISOString(),
    }).expect(201);
    expect(await notices('advisorHovedstaden', 'consultation_requested')).toHaveLength(1);
    const [toHovedstaden] = await mailsTo('advisorHovedstaden', new RegExp(`Anmodning om rådgivning i sag ${caseNumber}`));
    expect(toHovedstaden.to).toEqual(['per.kirk@regionh.dk']);
    // Lise was asked once (at screening), not again for the other region's question.
    expect(smtp.accepted('lise.dam@rm.dk').filter((m) => m.subject.includes('rådgivning'))).toHaveLength(1);
  });

  it('tells the case holder when a consultation is answered', async () => {
    const answer = async (who: 'advisorMidt' | 'advisorHovedstaden') => {
      const [k] = (await get(`/v1/consultations?caseId=${caseId}`, who).expect(200)).body.items;
      await post(`/v1/consultations/${k.id}/answer`, who, { answer: 'No concerns; the variables are recorded in our EPJ.' }).expect(200);
    };
    await answer('advisorMidt');
    await answer('advisorHovedstaden');
    const inApp = await notices('caseworker', 'consultation_answered');
    expect(inApp).toHaveLength(2);
    expect(inApp[0]).toMatchObject({ addressedTo: 'person' });
    const mails = await mailsTo('caseworker', new RegExp(`Rådgivning besvaret i sag ${caseNumber}`), 2);
    expect(mails.map((m) => m.text).join()).toContain('region-midtjylland');
  });

  it('tells the active legal approvers of a draft in their own language, and retries a refused e-mail with the same Message-ID without holding up the draft', async () => {
    smtp.refuseNext('anna.smith@sundhedsdata.dk');
    const draft = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub.lpr}/decision-drafts`, 'caseworker', {
        outcome: 'approved',
        legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
        reasoning: 'Scientific research of significant societal importance; the data are necessary.',
      }).expect(201)
    ).body;

    for (const who of ['approverDa', 'approverEn'] as const) {
      expect(await notices(who, 'draft_awaiting_approval')).toMatchObject([{ addressedTo: 'role', body: { en: expect.stringContaining(draft.id) } }]);
    }
    expect(await notices('approverAway', 'draft_awaiting_approval')).toEqual([]);

    const [danish] = await mailsTo('approverDa', /Udkast til afgørelse afventer godkendelse/);
    expect(danish).toMatchObject({ language: 'da', subject: `Udkast til afgørelse afventer godkendelse i sag ${caseNumber}` });
    const [english] = await mailsTo('approverEn', /Draft decision awaiting approval/);
    expect(english).toMatchObject({ language: 'en', subject: `Draft decision awaiting approval in case ${caseNumber}` });
    expect(english.text).toContain('Dear Anna Smith');
    expect(english.text).toContain('everyone in the role legal approver');
    // Plain text with the same content as an HTML alternative, in the reader's language.
    expect(english.contentType).toBe('multipart/alternative');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('Dear Anna Smith');
    expect(danish.html).toContain('<html lang="da">');
    expect(danish.html).toContain(`Sag: ${caseNumber}`);

    // The first attempt to Anna was refused (451) and the queue retried it: the same message, recognisably.
    const attempts = smtp.received.filter((m) => m.to.includes('anna.smith@sundhedsdata.dk') && /Draft decision/.test(m.subject));
    expect(attempts.map((m) => m.accepted)).toEqual([false, true]);
    expect(attempts[1].messageId).toBe(attempts[0].messageId);
    expect(attempts[1].html).toBe(attempts[0].html);
    expect(english.messageId).toMatch(/^<[0-9a-f-]{36}\.[0-9a-f]{16}@kontaktpunkt\.test>$/);
    // Each person's e-mail of one notice has its own Message-ID, derived from the same notice id.
    expect(danish.messageId).not.toBe(english.messageId);
    expect(danish.messageId.split('.')[0]).toBe(english.messageId.split('.')[0]);
    expect(smtp.received.some((m) => m.to.includes('ole.lund@sundhedsdata.dk'))).toBe(false);

    await post(`/v1/decision-drafts/${draft.id}/issue`, 'approverDa').expect(201);
  });

  it('tells the controller’s deciders that a recommendation awaits them', async () => {
    await post(`/v1/cases/${caseId}/sub-cases/${sub['epj-region-midtjylland']}/recommendations`, 'caseworker', {
      outcome: 'approved',
      reasoning: 'The project is approved by VEK and the variables are proportionate.',
    }).expect(201);
    expect(await notices('controllerMidt', 'recommendation_received')).toHaveLength(1);
    const [mail] = await mailsTo('controllerMidt', new RegExp(`Indstilling i sag ${caseNumber}`));
    expect(mail.text).toContain('afventer jeres afgørelse');
  });

  it('tells the applicant, in English, that the permit is issued', async () => {
    const decided = (
      await post(`/v1/cases/${caseId}/sub-cases/${sub['epj-region-midtjylland']}/controller-decision`, 'controllerMidt', {
        outcome: 'approved',
        legalBasis: 'Sundhedsloven § 46 stk. 1 (VEK approval)',
        reasoning: 'Disclosure approved on the recommendation of the contact point.',
      }).expect(201)
    ).body;
    permitId = decided.permit.id;
    expect(await notices('researcher', 'permit_issued')).toMatchObject([{ addressedTo: 'person' }]);
    const [mail] = await mailsTo('researcher', new RegExp(`Permit ${decided.permit.number} issued in case ${caseNumber}`));
    expect(mail).toMatchObject({ to: ['mette.jensen@au.dk'], language: 'en' });
    expect(mail.text).toContain('valid up to and including 2028-12-31');
    expect(mail.text).toContain('addressed to you');
  });

  it('tells the applicant once, from the scheduled sweep on business time, that the permit expires within 30 days', async () => {
    // Valid to 31 December 2028: on 5 December it runs out within 30 days; the sweep runs every quarter second.
    t.clock.set(new Date('2028-12-05T09:00:00Z'));
    const [mail] = await mailsTo('researcher', /expires on 2028-12-31/);
    expect(mail.text).toContain('apply for an extension');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await notices('researcher', 'permit_expiring')).toHaveLength(1);
    expect(mailsMatching(/expires on 2028-12-31/)).toHaveLength(1);
  });

  it('tells the applicant that the permit is revoked', async () => {
    await post(`/v1/permits/${permitId}/revoke`, 'approverEn', { reason: 'Data used outside the permit (EHDS art. 63)', urgencyReason: 'Results are being published in breach of the conditions now.' }).expect(200);
    expect(await notices('researcher', 'permit_revoked')).toHaveLength(1);
    const [mail] = await mailsTo('researcher', /has been revoked/);
    expect(mail.text).toContain('Data used outside the permit');
  });

  it('never e-mails anyone twice for one notice', () => {
    const accepted = smtp.accepted();
    const ids = accepted.map((m: ReceivedMail) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
