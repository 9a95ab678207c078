import { Actor } from '@kp/auth';
import request from 'supertest';
import { TestApp } from '../../support/app';
import { bearer, completeApplication, dataRequest } from '../../support/applications';
import { waitFor } from '../../support/wait';

/**
 * The people of the attack suite, one per role of DESIGN.md §2. Everyone who has a party of their
 * own is on side A: researcher A, Region Midtjylland's advisor, Region Midtjylland as controller,
 * Region Midtjylland's delivery staff (data holder of its patient records) and Sundhedsdatastyrelsen
 * as operator of its research machine (the environment side A's application names). Side B's objects
 * (researcher B's application, Region Hovedstaden's parts and orders, orders to Danmarks Statistik's
 * research machine) are "another party's".
 */
export const PEOPLE = {
  researcher: { sub: 'researcher-a', role: 'researcher', organisation: '31119103', name: 'Mette Jensen', email: 'mette.jensen@au.dk' },
  caseworker: { sub: 'cw-1', role: 'caseworker', organisation: '33257872' },
  legal_approver: { sub: 'la-1', role: 'legal_approver', organisation: '33257872' },
  advisor: { sub: 'adv-rm', role: 'advisor', region: 'region-midtjylland' },
  controller: { sub: 'ctl-rm', role: 'controller', organisation: '29190925' },
  data_holder: { sub: 'dh-rm', role: 'data_holder', organisation: '29190925' },
  environment_operator: { sub: 'eo-sds', role: 'environment_operator', organisation: '33257872' },
  auditor: { sub: 'aud-1', role: 'auditor' },
  admin: { sub: 'admin-1', role: 'admin' },
} as const satisfies Record<string, Actor>;

/** Side B's people: they only make side B's objects. */
const OTHERS = {
  researcher: { sub: 'researcher-b', role: 'researcher', organisation: '29979812' },
  advisor: { sub: 'adv-rh', role: 'advisor', region: 'region-hovedstaden' },
  controller: { sub: 'ctl-rh', role: 'controller', organisation: '29190623' },
} as const satisfies Record<string, Actor>;

export type Person = keyof typeof PEOPLE;
export type Side = 'A' | 'B';

/** Side A's regional source and B's: a patient-record (EPJ) request each, on the collaborative track. */
const EPJ: Record<Side, string> = { A: 'epj-region-midtjylland', B: 'epj-region-hovedstaden' };

/** The holder of each side's EPJ source (the region, by CVR): the delivery order the matrix reads is the one to it. */
const EPJ_HOLDER: Record<Side, string> = { A: '29190925', B: '29190623' };

/** The analysis environment each side's application names: a different operator each, so B's orders are not A's operator's. */
const ENVIRONMENT: Record<Side, string> = { A: 'sds_research_machine', B: 'dst_research_machine' };

export const NONEXISTENT_UUID = '00000000-0000-4000-8000-00000000dead';

/** A screened case: its id, application, sub-cases by data source, and the rule-made consultation on its EPJ part. */
export interface CaseObject {
  id: string;
  number: string;
  applicationId: string;
  lpr: string;
  epj: string;
  consultationId: string;
}

export interface DecidedCase extends CaseObject {
  decisionId: string;
  permitId: string;
  /** The delivery order the permit gave the side's region (holder of its EPJ source). */
  deliveryOrderId: string;
}

/** Makes real objects through the API, as the people above would. */
export class World {
  readonly tokens = {} as Record<Person, string>;
  private readonly otherTokens = {} as Record<keyof typeof OTHERS, string>;

  constructor(readonly t: TestApp) {}

  async signIn(): Promise<void> {
    for (const [name, actor] of Object.entries(PEOPLE)) this.tokens[name as Person] = await this.t.token(actor);
    for (const [name, actor] of Object.entries(OTHERS)) this.otherTokens[name as keyof typeof OTHERS] = await this.t.token(actor);
    // Staff enter the staff directory at their first request (PATCH /v1/admin/staff/:sub needs one).
    for (const token of [...Object.values(this.tokens), ...Object.values(this.otherTokens)]) await request(this.t.server).get('/v1/me').set(bearer(token)).expect(200);
  }

  private researcherToken(side: Side): string {
    return side === 'A' ? this.tokens.researcher : this.otherTokens.researcher;
  }

  private controllerToken(side: Side): string {
    return side === 'A' ? this.tokens.controller : this.otherTokens.controller;
  }

  private advisorToken(side: Side): string {
    return side === 'A' ? this.tokens.advisor : this.otherTokens.advisor;
  }

  /** An invitation by the other side's researcher to their draft's team (issue 16), addressed to `email`; its id. */
  async invitation(inviter: Side, email: string): Promise<string> {
    const draft = await this.draft(inviter);
    const res = await request(this.t.server).post(`/v1/applications/${draft}/team`).set(bearer(this.researcherToken(inviter))).send({ email, teamRole: 'co_applicant' }).expect(201);
    return res.body.id;
  }

  /** An open invitation to the team of a new draft of the side's researcher: the draft's id and the invitation's (issue 16). */
  async teamInvitation(side: Side): Promise<{ id: string; memberId: string }> {
    const id = await this.draft(side);
    const res = await request(this.t.server).post(`/v1/applications/${id}/team`).set(bearer(this.researcherToken(side))).send({ email: 'anna.berg@sdu.dk', teamRole: 'named_researcher' }).expect(201);
    return { id, memberId: res.body.id };
  }

  /** A draft of the side's researcher shared for pre-screening with the side's region (issue 16); its id. */
  async sharedDraft(side: Side): Promise<string> {
    const draft = await this.draft(side);
    const region = side === 'A' ? 'region-midtjylland' : 'region-hovedstaden';
    await request(this.t.server).post(`/v1/applications/${draft}/pre-screening/shares`).set(bearer(this.researcherToken(side))).send({ region }).expect(201);
    return draft;
  }

  /** A PDF the side's researcher attached to their case (issue 16); its id. */
  async attachment(side: Side, caseId: string): Promise<string> {
    const res = await request(this.t.server)
      .post(`/v1/cases/${caseId}/attachments`)
      .set(bearer(this.researcherToken(side)))
      .field('kind', 'protocol')
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'protocol.pdf')
      .expect(201);
    return res.body.id;
  }

  application(side: Side): Record<string, unknown> {
    return completeApplication({
      applicant: {
        name: side === 'A' ? 'Mette Jensen' : 'Lars Holm',
        email: side === 'A' ? 'mette.jensen@au.dk' : 'lars.holm@ku.dk',
        organisation: side === 'A' ? { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research' } : { name: 'Københavns Universitet', cvr: '29979812', country: 'DK', sector: 'public_research' },
      },
      dataRequests: [dataRequest('lpr'), dataRequest(EPJ[side])],
      processingEnvironment: ENVIRONMENT[side],
    });
  }

  /** A draft application of side A's or B's researcher. */
  async draft(side: Side): Promise<string> {
    const res = await request(this.t.server).post('/v1/applications').set(bearer(this.researcherToken(side))).send(this.application(side)).expect(201);
    return res.body.id;
  }

  /** A submitted case in review, with LPR (central) and the side's EPJ (collaborative, its region consulted by the rules). */
  async screenedCase(side: Side): Promise<CaseObject> {
    const token = this.researcherToken(side);
    const applicationId = await this.draft(side);
    const submitted = await request(this.t.server).post(`/v1/applications/${applicationId}/submit`).set(bearer(token));
    if (submitted.status !== 202) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    const c = await waitFor(async () => {
      const res = await request(this.t.server).get(`/v1/cases/${submitted.body.id}`).set(bearer(token)).expect(200);
      // Settled when screened and journalised (§ 15): the journal job runs on the background lane
      // after the screening, and its journal number changing the view later would look like a change
      // made by whatever request a test sends meanwhile.
      return (res.body.state === 'in_review' || res.body.state === 'consultation') && res.body.journalNumber ? res.body : undefined;
    }, 30000, `screening and journalising of ${submitted.body.number}`);
    const bySource = Object.fromEntries(c.subCases.map((s: { dataSourceId: string; id: string }) => [s.dataSourceId, s.id]));
    const consultations = await waitFor(async () => {
      const res = await request(this.t.server).get(`/v1/consultations?caseId=${c.id}`).set(bearer(this.tokens.caseworker)).expect(200);
      return res.body.items.length ? res.body.items : undefined;
    }, 20000, `the rule-made consultation on ${c.number}`);
    return { id: c.id, number: c.number, applicationId, lpr: bySource.lpr, epj: bySource[EPJ[side]], consultationId: consultations[0].id };
  }

  /** A case waiting for its applicant: the caseworker asked a question. */
  async awaitingApplicant(side: Side): Promise<CaseObject> {
    const c = await this.screenedCase(side);
    await this.post(`/v1/cases/${c.id}/supplement-requests`, this.tokens.caseworker, { questions: ['How many patients does the cohort hold?'] }).expect(201);
    return c;
  }

  /** A decision draft on the LPR part, by the caseworker, awaiting the legal approver. */
  async pendingDraft(side: Side): Promise<{ case: CaseObject; draftId: string }> {
    const c = await this.screenedCase(side);
    const draft = await this.post(`/v1/cases/${c.id}/sub-cases/${c.lpr}/decision-drafts`, this.tokens.caseworker, DRAFT).expect(201);
    return { case: c, draftId: draft.body.id };
  }

  /** The EPJ part recommended to its controller (the region): awaiting the controller's decision. */
  async awaitingController(side: Side): Promise<CaseObject> {
    const c = await this.screenedCase(side);
    await this.post(`/v1/consultations/${c.consultationId}/answer`, this.advisorToken(side), { answer: 'The variables are recorded reliably since 2015.' }).expect(200);
    await this.post(`/v1/cases/${c.id}/sub-cases/${c.epj}/recommendations`, this.tokens.caseworker, RECOMMENDATION).expect(201);
    return c;
  }

  /** Every part decided and a permit issued: LPR by the contact point (four eyes), EPJ by the region. `decisionId` is the region's. */
  async decided(side: Side): Promise<DecidedCase> {
    const c = await this.awaitingController(side);
    const draft = await this.post(`/v1/cases/${c.id}/sub-cases/${c.lpr}/decision-drafts`, this.tokens.caseworker, DRAFT).expect(201);
    await this.post(`/v1/decision-drafts/${draft.body.id}/issue`, this.tokens.legal_approver).expect(201);
    const decided = await this.post(`/v1/cases/${c.id}/sub-cases/${c.epj}/controller-decision`, this.controllerToken(side), CONTROLLER_DECISION).expect(201);
    if (!decided.body.permit) throw new Error(`no permit on ${c.number}: ${JSON.stringify(decided.body)}`);
    return { ...c, decisionId: decided.body.decision.id, permitId: decided.body.permit.id, deliveryOrderId: await this.deliveryOrder(side, c.id) };
  }

  /** The delivery order the permit on the case gave the side's region, as the caseworker finds it on the case. */
  private async deliveryOrder(side: Side, caseId: string): Promise<string> {
    const order = await waitFor(async () => {
      const res = await request(this.t.server).get(`/v1/cases/${caseId}/delivery-orders`).set(bearer(this.tokens.caseworker)).expect(200);
      return res.body.items.find((o: { kind: string; holder: { cvr: string } }) => o.kind === 'delivery' && o.holder.cvr === EPJ_HOLDER[side]);
    }, 20000, `the delivery order to ${EPJ_HOLDER[side]} on case ${caseId}`);
    return order.id;
  }

  /** A notice to the side's regional advisors (the consultation the rules asked for). */
  async advisorNotice(side: Side, caseNumber: string): Promise<string> {
    const token = this.advisorToken(side);
    const items = await waitFor(async () => {
      const res = await request(this.t.server).get(`/v1/me/notifications?case=${caseNumber}`).set(bearer(token)).expect(200);
      return res.body.items.length ? res.body.items : undefined;
    }, 20000, `a notice to ${side}'s advisors on ${caseNumber}`);
    return items[0].id;
  }

  post(path: string, token: string, body: object = {}) {
    return request(this.t.server).post(path).set(bearer(token)).send(body);
  }
}

export const DRAFT = {
  outcome: 'approved',
  legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10',
  reasoning: 'The purpose is scientific research of significant societal importance and the data requested are necessary.',
  conditions: ['Results leave the research machine only as aggregated tables'],
};

export const RECOMMENDATION = { outcome: 'approved', reasoning: 'The project is approved by VEK and the variables are proportionate.' };

export const CONTROLLER_DECISION = {
  outcome: 'approved',
  legalBasis: 'Sundhedsloven § 46 stk. 1 (VEK approval)',
  reasoning: 'Disclosure approved on the recommendation of the contact point.',
};
