import { Actor } from '@kp/auth';
import { copenhagenDateOf, DanishCalendar, LocalDate, startOfCopenhagenDay } from '@kp/clock';
import { Answer, Api, inPool } from './api';
import { FlowModel } from './model';
import { drawDays, Prng } from './prng';

type SourceKind = keyof FlowModel['sourceMix'];
type ApplicantKind = keyof FlowModel['applicantMix'];

interface CatalogueSource {
  id: string;
  kind: SourceKind;
  track: 'central' | 'collaborative';
  controller: { name: string; cvr?: string };
  advisorRegion: string | null;
  region: string | null;
}

/** One application's fate, drawn in full when it is generated (so the order of HTTP answers cannot change a draw). */
interface PlannedApplication {
  n: number;
  arrival: LocalDate;
  sources: string[];
  applicant: ApplicantKind;
  notReady: boolean;
  blocking: boolean;
  fixDays: number;
  answerDays: number[];
  neverAnswers: boolean;
  withdraws: boolean;
  advisorDays: number[];
  advisorLapses: boolean[];
  controllerDays: number[];
}

interface SubCaseState {
  id: string;
  dataSourceId: string;
  track: string;
  controllerOrg: string | null;
  /** Working day the controller decides, once recommended. */
  controllerDecidesOn?: LocalDate;
  recommendation?: 'approved' | 'rejected';
  decided?: boolean;
}

interface Live {
  plan: PlannedApplication;
  applicationId?: string;
  caseId?: string;
  number?: string;
  applicantSub: string;
  submitOn?: LocalDate;
  answerOn?: LocalDate;
  withdrawOn?: LocalDate;
  supplementRound: number;
  subCases: SubCaseState[];
  advisorAnswers: { consultationId: string; region: string; on: LocalDate }[];
  done: boolean;
  /** The applicant will not act any more (never answers). */
  silent: boolean;
}

export interface DaySample {
  date: string;
  unassigned: number;
  open: number;
  atRisk: number;
  overdue: number;
  awaitingApproval: number;
  utilisation: number;
}

export interface SimulationRun {
  model: FlowModel;
  days: DaySample[];
  cases: { plan: PlannedApplication; caseId: string; view: any; history: any }[];
  neverSubmitted: number;
  audit: any;
  requests: number;
  wallMs: number;
  /** Wall-clock milliseconds per part of a step (where a run's time goes; not a figure of the model). Parts that run side by side overlap. */
  phases: Record<string, number>;
  /** Wall-clock milliseconds of each working-day step, in order (not a figure of the model). */
  stepMs: number[];
  firstDay: string;
  lastDay: string;
}

const CALENDAR = new DanishCalendar();
const OFFICE_HOUR_MS = 9 * 60 * 60 * 1000;

const ADMIN: Actor = { sub: 'sim-admin', role: 'admin' };
const AUDITOR: Actor = { sub: 'sim-auditor', role: 'auditor' };
const APPLICANT_ORGS: Record<ApplicantKind, { name: string; cvr?: string; country: string; sector: string; email: string }[]> = {
  public_research: [
    { name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research', email: 'forsker@au.dk' },
    { name: 'Københavns Universitet', cvr: '29979812', country: 'DK', sector: 'public_research', email: 'forsker@ku.dk' },
    { name: 'Syddansk Universitet', cvr: '29283958', country: 'DK', sector: 'public_research', email: 'forsker@sdu.dk' },
  ],
  private: [{ name: 'Novo Nordisk A/S', cvr: '24256790', country: 'DK', sector: 'private', email: 'research@novonordisk.com' }],
  foreign: [{ name: 'Karolinska Institutet', country: 'SE', sector: 'public_research', email: 'researcher@ki.se' }],
};

/** Working days from `day` (the day itself when it is one), `n` further on. */
const workingDayAfter = (day: LocalDate, calendarDays: number): LocalDate => CALENDAR.nextWorkingDayFrom(day.plusDays(calendarDays));

/**
 * Plays a year on the running app: the demand arrives on working days, the people act with their
 * capacity and delays, and each simulated day the clock moves on and every sweep runs once.
 */
export class Simulation {
  private readonly prng: Prng;
  private readonly live: Live[] = [];
  /** Each submitted application by its case id. */
  private readonly byCase = new Map<string, Live>();
  /** The consultations the advisors have seen (and planned an answer to or let lapse). */
  private readonly consultationsSeen = new Set<string>();
  private catalogue: CatalogueSource[] = [];
  private readonly days: DaySample[] = [];
  private today!: LocalDate;
  private readonly phases: Record<string, number> = {};
  private readonly stepMs: number[] = [];

  /** Runs one part of a step and adds its wall time to `phases`. */
  private async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.phases[phase] = (this.phases[phase] ?? 0) + Date.now() - started;
    }
  }

  constructor(
    private readonly api: Api,
    private readonly model: FlowModel,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.prng = new Prng(model.seed);
  }

  private caseworker = (i: number): Actor => ({ sub: `sim-caseworker-${i + 1}`, role: 'caseworker', organisation: '33257872', name: `Sagsbehandler ${i + 1}` });
  private approver = (i: number): Actor => ({ sub: `sim-approver-${i + 1}`, role: 'legal_approver', organisation: '33257872', name: `Jurist ${i + 1}` });
  private researcher = (app: Live): Actor => {
    const org = APPLICANT_ORGS[app.plan.applicant][app.plan.n % APPLICANT_ORGS[app.plan.applicant].length];
    return { sub: app.applicantSub, role: 'researcher', ...(org.cvr ? { organisation: org.cvr } : {}) };
  };

  async run(): Promise<SimulationRun> {
    const started = Date.now();
    this.catalogue = (await this.api.get<CatalogueSource[]>('/v1/data-sources', AUDITOR)).body;
    const first = CALENDAR.nextWorkingDayFrom(LocalDate.parse(this.model.start));
    const arrivalEnd = first.plusMonths(this.model.months);
    const hardEnd = arrivalEnd.plusMonths(this.model.drainMonths);
    this.plan(first, arrivalEnd);
    // One step per Danish working day (weekends and public holidays are jumped over: nobody acts
    // then, and the sweeps at the next step see every deadline that passed in between).
    for (this.today = first; ; this.today = CALENDAR.nextWorkingDayFrom(this.today.plusDays(1))) {
      const stepStarted = Date.now();
      await this.timed('clock', () => this.moveClockTo(this.today));
      await this.timed('sweeps', () => this.api.post('/v1/dev/sweeps', ADMIN));
      await this.workingDay();
      this.stepMs.push(Date.now() - stepStarted);
      if (!this.today.isBefore(arrivalEnd) && this.finished()) break;
      if (!this.today.isBefore(hardEnd)) break;
    }
    this.log(`simulated ${first} … ${this.today}; collecting the end state`);
    const cases = await this.timed('end state', () => inPool(
      this.live.filter((a) => a.caseId),
      8,
      async (a) => {
        const [view, history] = await Promise.all([this.api.get(`/v1/cases/${a.caseId}`, this.caseworker(0)), this.api.get(`/v1/cases/${a.caseId}/waiting-history`, AUDITOR)]);
        return { plan: a.plan, caseId: a.caseId!, view: view.body, history: history.body };
      },
    ));
    const audit = (await this.timed('audit verify', () => this.api.get('/v1/audit/verify', AUDITOR))).body;
    return {
      model: this.model,
      days: this.days,
      cases,
      neverSubmitted: this.live.filter((a) => !a.caseId).length,
      audit,
      requests: this.api.requests,
      wallMs: Date.now() - started,
      phases: this.phases,
      stepMs: this.stepMs,
      firstDay: first.toString(),
      lastDay: this.today.toString(),
    };
  }

  /** Arrivals spread over the working days of the arrival months, each with its whole fate drawn now. */
  private plan(first: LocalDate, end: LocalDate): void {
    const workingDays: LocalDate[] = [];
    for (let d = first; d.isBefore(end); d = d.plusDays(1)) if (CALENDAR.isWorkingDay(d)) workingDays.push(d);
    const bySource = (kind: SourceKind) => this.catalogue.filter((s) => s.kind === kind).map((s) => s.id);
    for (let n = 0; n < this.model.applications; n++) {
      const arrival = workingDays[Math.min(workingDays.length - 1, Math.floor((n + this.prng.next()) * (workingDays.length / this.model.applications)))];
      const firstKind = this.prng.weighted(this.model.sourceMix);
      const sources = [this.prng.pick(bySource(firstKind))];
      if (this.prng.chance(this.model.multiSource)) {
        const extra = this.prng.pick(bySource(this.prng.weighted(this.model.sourceMix)));
        if (!sources.includes(extra)) sources.push(extra);
      }
      const neverAnswers = this.prng.chance(this.model.neverAnswers);
      const plan: PlannedApplication = {
        n,
        arrival,
        sources,
        applicant: this.prng.weighted(this.model.applicantMix),
        notReady: this.prng.chance(this.model.notReadyAtCheck),
        blocking: this.prng.chance(this.model.blockingFinding),
        fixDays: drawDays(this.prng, this.model.delays.fixBeforeSubmit),
        answerDays: [drawDays(this.prng, this.model.delays.applicantAnswer), drawDays(this.prng, this.model.delays.applicantAnswer)],
        neverAnswers,
        withdraws: neverAnswers && this.prng.chance(this.model.withdrawAfterDeadline),
        advisorDays: sources.map(() => drawDays(this.prng, this.model.delays.advisorAnswer)),
        advisorLapses: sources.map(() => this.prng.chance(0.1)),
        controllerDays: sources.map(() => drawDays(this.prng, this.model.delays.controllerDecision)),
      };
      this.live.push({
        plan,
        applicantSub: `sim-researcher-${n + 1}`,
        supplementRound: 0,
        subCases: [],
        advisorAnswers: [],
        done: false,
        silent: false,
      });
    }
  }

  private async moveClockTo(day: LocalDate): Promise<void> {
    const at = new Date(startOfCopenhagenDay(day).getTime() + OFFICE_HOUR_MS);
    await this.api.post('/v1/dev/clock', ADMIN, { to: at.toISOString() });
  }

  /** Nothing left that anyone in the simulation will do. */
  private finished(): boolean {
    return this.live.every((a) => a.done || a.silent);
  }

  /**
   * One working day. Who acts on what does not overlap between three groups, so they act side by
   * side (while one request waits on PostgreSQL another uses the CPU; this helps only when the
   * machine has a core to spare — on a saturated one the wall time is the CPU work, docs/flow.md):
   * - applicants (new applications, fixes, answers, withdrawals) act on cases nobody else holds
   *   today — drafts, recommendations and approvals come only after a case's supplement round —
   *   and the advisors, after them, see the consultations today's screenings opened;
   * - legal approvers issue the drafts the approval queue named at the start of the day;
   * - controllers decide the recommendations due today.
   * Each group's work is fixed before its requests go out (from the plan, or from one queue read
   * no other group changes), and two requests on one case never run at once (the approvals of a
   * case run in turn; a command locks its case). Caseworkers act last, on what the others left.
   */
  private async workingDay(): Promise<void> {
    const today = this.today;
    await Promise.all([
      this.applicantsThenAdvisors(),
      this.timed('approvers', () => this.approve()),
      this.timed('controllers', () => this.controllers()),
    ]);
    const used = await this.timed('caseworkers', () => this.caseworkers());
    const workload = (await this.timed('workload', () => this.api.get('/v1/workload', this.caseworker(0)))).body;
    const approval = workload.byQueue.find((q: { queue: string }) => q.queue === 'approval');
    this.days.push({
      date: today.toString(),
      unassigned: workload.totals.unassigned,
      open: workload.totals.open,
      atRisk: workload.totals.atRisk,
      overdue: workload.totals.overdue,
      awaitingApproval: approval?.open ?? 0,
      utilisation: used / (this.model.caseworkers * this.model.caseworkerCapacity),
    });
    if (this.days.length % 20 === 0) {
      this.log(`${today}: ${this.live.filter((a) => a.caseId).length} submitted, open ${workload.totals.open}, unassigned ${workload.totals.unassigned}, overdue ${workload.totals.overdue}, ${this.api.requests} requests`);
    }
  }

  /**
   * Applicants: new applications, drafts fixed after the check, answers to requests for supplement,
   * withdrawals. Each applicant acts alone, so they act side by side (every draw was made when the
   * application was planned); then each submitted application is followed until it is screened
   * (polling each as it was submitted costs more case reads than it saves on a busy machine). Then
   * the advisors see the consultations the rules opened and answer those due today (some let them
   * lapse).
   */
  private async applicantsThenAdvisors(): Promise<void> {
    const today = this.today;
    const acting = this.live.filter((a) => a.plan.arrival.equals(today) || (a.submitOn?.equals(today) && !a.caseId) || a.answerOn?.equals(today) || a.withdrawOn?.equals(today));
    const submitted: Live[] = [];
    await this.timed('applicants', () => inPool(acting, 6, async (a) => {
      let done = false;
      if (a.plan.arrival.equals(today)) done = await this.draft(a);
      else if (a.submitOn?.equals(today) && !a.caseId) done = await this.fixAndSubmit(a);
      else if (a.answerOn?.equals(today)) done = await this.answer(a);
      else await this.withdraw(a);
      if (done) submitted.push(a);
    }));
    // Screening ran meanwhile (from the outbox); looking only now finds most of it done.
    await this.timed('screening wait', () => inPool(submitted, 6, (a) => this.awaitScreening(a)));
    await this.timed('advisors', async () => {
      await this.advisorsSeeConsultations();
      const answering = this.live.flatMap((a) => a.advisorAnswers.filter((x) => x.on.equals(today)));
      await inPool(answering, 6, (due) =>
        this.api.post(`/v1/consultations/${due.consultationId}/answer`, { sub: `sim-advisor-${due.region}`, role: 'advisor', region: due.region }, { answer: 'The variables are available for the period; no concerns.' }, [200, 409]),
      );
    });
  }

  /** Controllers decide the recommendations sent to them, after their delay; one case's in turn. */
  private async controllers(): Promise<void> {
    const today = this.today;
    const byCase = this.live
      .map((a) => ({ a, due: a.subCases.filter((x) => x.controllerDecidesOn && !x.decided && !x.controllerDecidesOn.isAfter(today)) }))
      .filter(({ due }) => due.length > 0);
    await inPool(byCase, 6, async ({ a, due }) => {
      for (const s of due) {
        const res = await this.postDeciding(
          `/v1/cases/${a.caseId}/sub-cases/${s.id}/controller-decision`,
          { sub: `sim-controller-${s.controllerOrg}`, role: 'controller', organisation: s.controllerOrg! },
          { outcome: s.recommendation, legalBasis: 'Sundhedsloven § 46 stk. 1; EHDS art. 68', reasoning: 'Decided on the recommendation of the contact point.' },
        );
        if (res.status === 201) this.decided(a, s);
      }
    });
  }

  /**
   * A part is decided; when it was the case's last, the case is closed (the API decides the case
   * with its last part). The end state reads every case as it is, so a case counted closed here
   * that is not would show there.
   */
  private decided(a: Live, s: SubCaseState): void {
    s.decided = true;
    if (a.subCases.every((x) => x.decided)) a.done = true;
  }

  private content(a: Live, withDefects: { missing: boolean; blocking: boolean }): Record<string, unknown> {
    const org = APPLICANT_ORGS[a.plan.applicant][a.plan.n % APPLICANT_ORGS[a.plan.applicant].length];
    const start = a.plan.arrival.plusMonths(2);
    const end = start.plusMonths(36);
    const content: Record<string, unknown> = {
      title: `Simulated study ${a.plan.n + 1}`,
      purpose: 'To study outcomes after hospital treatment to improve care, using the registers requested.',
      purposeCategory: 'scientific_research',
      declarations: { noProhibitedUse: !withDefects.blocking, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
      applicant: { name: `Researcher ${a.plan.n + 1}`, email: org.email, organisation: { name: org.name, ...(org.cvr ? { cvr: org.cvr } : {}), country: org.country, sector: org.sector } },
      researchers: [{ name: `Researcher ${a.plan.n + 1}`, email: org.email, organisation: org.name, countryOfAccess: org.country }],
      legalBasis: { gdprArt6: 'art. 6(1)(e)', gdprArt9: 'art. 9(2)(j) with databeskyttelsesloven § 10' },
      consent: false,
      ethicsApproval: { committee: 'VEK', reference: `1-10-72-${a.plan.n + 1}-27`, status: 'approved' },
      recordOfProcessing: { reference: `SIM-${a.plan.n + 1}`, controller: org.name, deletionDate: end.toString() },
      output: 'anonymised',
      processingEnvironment: 'sds_research_machine',
      safeguards: 'Analysis only on the research machine; personal access with two-factor login; output checked for small cells before export.',
      projectPeriod: { start: start.toString(), end: end.toString() },
      retentionUntil: end.toString(),
      dataRequests: a.plan.sources.map((id) => ({
        dataSourceId: id,
        variables: this.variables.get(id) ?? [],
        population: 'Adults treated in Danish hospitals 2015–2024',
        period: { start: '2015-01-01', end: '2024-12-31' },
        biologicalMaterial: this.catalogue.find((s) => s.id === id)?.kind === 'biobank',
        prospective: false,
        necessity: 'Each variable answers one of the research questions; 2015–2024 gives the follow-up.',
        wholeRegister: false,
      })),
    };
    if (withDefects.missing) delete content.safeguards;
    return content;
  }

  private readonly variables = new Map<string, string[]>();

  /** Drafts and checks the application; submits it when the check finds it ready (true). */
  private async draft(a: Live): Promise<boolean> {
    for (const id of a.plan.sources) {
      if (this.variables.has(id)) continue;
      const detail = (await this.api.get(`/v1/data-sources/${id}`, AUDITOR)).body;
      this.variables.set(id, (detail.catalogue?.variables ?? []).slice(0, 4).map((v: { name: string }) => v.name));
    }
    const created = await this.api.post('/v1/applications', this.researcher(a), this.content(a, { missing: a.plan.notReady, blocking: a.plan.blocking }), [201]);
    a.applicationId = created.body.id;
    const check = await this.api.post(`/v1/applications/${a.applicationId}/check`, this.researcher(a), {}, [200]);
    if (check.body.readyToSubmit) return this.submit(a);
    a.submitOn = workingDayAfter(this.today, a.plan.fixDays);
    return false;
  }

  private async fixAndSubmit(a: Live): Promise<boolean> {
    await this.api.call('PATCH', `/v1/applications/${a.applicationId}`, this.researcher(a), this.content(a, { missing: false, blocking: a.plan.blocking }), [200]);
    const check = await this.api.post(`/v1/applications/${a.applicationId}/check`, this.researcher(a), {}, [200]);
    if (!check.body.readyToSubmit) throw new Error(`application ${a.plan.n + 1} is still not ready after the fix: ${JSON.stringify(check.body).slice(0, 400)}`);
    return this.submit(a);
  }

  private async submit(a: Live): Promise<true> {
    const res = await this.api.post(`/v1/applications/${a.applicationId}/submit`, this.researcher(a), {}, [202]);
    a.caseId = res.body.id;
    a.number = res.body.number;
    this.byCase.set(a.caseId!, a);
    return true;
  }

  private async answer(a: Live): Promise<true> {
    a.answerOn = undefined;
    await this.api.call('PATCH', `/v1/applications/${a.applicationId}`, this.researcher(a), this.content(a, { missing: false, blocking: false }), [200]);
    await this.api.post(`/v1/applications/${a.applicationId}/resubmit`, this.researcher(a), { answers: ['The application is amended as asked; the declarations now cover the use.'] }, [202]);
    return true;
  }

  private async withdraw(a: Live): Promise<void> {
    a.withdrawOn = undefined;
    await this.api.post(`/v1/applications/${a.applicationId}/withdraw`, this.researcher(a), { reason: 'The project could not go ahead.' }, [200, 201, 202]);
    a.done = true;
  }

  /**
   * Screening runs from the outbox; the applicant's own view (a read that is not logged, unlike a
   * staff member's) shows when every part is screened. The rules' consultations are found by the
   * advisors themselves (`advisorsSeeConsultations`).
   */
  private async awaitScreening(a: Live): Promise<void> {
    const giveUpAt = Date.now() + 60_000;
    for (let i = 0; ; i++) {
      const c = (await this.api.get(`/v1/cases/${a.caseId}`, this.researcher(a))).body;
      if (!['submitted', 'screening'].includes(c.state) && c.subCases.every((s: { screening: unknown }) => s.screening)) {
        a.subCases = c.subCases.map((s: any) => ({
          ...(a.subCases.find((x) => x.id === s.id) ?? {}),
          id: s.id,
          dataSourceId: s.dataSourceId,
          track: s.track,
          controllerOrg: s.controller?.cvr ?? null,
        }));
        return;
      }
      if (Date.now() > giveUpAt) throw new Error(`case ${a.number} was not screened within a minute`);
      // Each look is a whole case read: look again soon, then less often (25 ms growing to 200 ms),
      // so a busy machine spends its time on the screening rather than on asking after it.
      await new Promise((done) => setTimeout(done, Math.min(200, 25 * 1.5 ** i)));
    }
  }

  /**
   * The advisors (a region's data-support centre, an RKKP database's steering group) learn of the
   * consultations addressed to them — here read from the contact point's list of open ones, which
   * names every addressee — and plan, for each new one, the day they answer it (or let it lapse):
   * the delay drawn for that data source when the application was planned.
   */
  private async advisorsSeeConsultations(): Promise<void> {
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { items: any[]; nextCursor: string | null } = (await this.api.get(`/v1/consultations?state=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, this.caseworker(0))).body;
      for (const k of page.items) {
        if (this.consultationsSeen.has(k.id)) continue;
        this.consultationsSeen.add(k.id);
        const a = this.byCase.get(k.case.id);
        if (!a) continue;
        const at = Math.max(0, a.plan.sources.indexOf(k.dataSourceId ?? ''));
        if (!a.plan.advisorLapses[at]) a.advisorAnswers.push({ consultationId: k.id, region: k.advisorRegion, on: workingDayAfter(this.today, a.plan.advisorDays[at]) });
      }
      cursor = page.nextCursor;
    }
  }

  /**
   * The cases of a queue soonest due first, ties (the same due day) in the order the applications
   * were planned — not by case id, which differs between runs — so a seed plays the same way every
   * time. Pages are read until `enough` of them are certainly among the first: past the due day of
   * the `enough`-th wanted item.
   */
  private async queue<T extends { id: string; dueAt: string | null }>(path: string, actor: Actor, enough: number, wanted: (item: T) => boolean = () => true): Promise<T[]> {
    const dueDay = (x: T) => (x.dueAt ? copenhagenDateOf(new Date(x.dueAt)).toString() : '9999-12-31');
    const items: T[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { items: T[]; nextCursor: string | null } = (await this.api.get(`${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, actor)).body;
      items.push(...page.items);
      cursor = page.nextCursor;
      const want = items.filter(wanted);
      if (want.length >= enough && items.length && dueDay(items[items.length - 1]) > dueDay(want[enough - 1])) break;
    }
    const order = (x: T) => this.byCase.get(x.id)?.plan.n ?? Number.MAX_SAFE_INTEGER;
    return items.filter(wanted).sort((x, y) => (dueDay(x) < dueDay(y) ? -1 : dueDay(x) > dueDay(y) ? 1 : order(x) - order(y)));
  }

  /**
   * A draft, recommendation or controller decision; when its outcome departs from the screening's
   * verdict (e.g. approving where the engine abstained) the API asks for the reason (422), and the
   * decider gives one. 409: the case moved on (or a legal matter is still open); tried again later.
   */
  private async postDeciding(path: string, actor: Actor, body: Record<string, unknown>): Promise<Answer> {
    const res = await this.api.post(path, actor, body, [201, 409, 422]);
    if (res.status !== 422) return res;
    if (!JSON.stringify(res.body).includes('departureReason')) throw new Error(`POST ${path}: 422 ${JSON.stringify(res.body).slice(0, 400)}`);
    return this.api.post(path, actor, { ...body, departureReason: 'Weighed against the screening findings after the answers given.' }, [201, 409]);
  }

  /**
   * Legal approvers issue the drafts waiting for them, soonest due first, up to their capacity: the
   * approval queue names each part's pending draft, dealt out in turn (four eyes: they never
   * drafted these). The drafts of different cases are issued side by side, one case's in turn.
   */
  private async approve(): Promise<void> {
    const capacity = this.model.approvers * this.model.approverCapacity;
    type Item = { id: string; dueAt: string | null; subCases: { id: string; pendingDraftId: string | null }[] };
    const queue = await this.queue<Item>('/v1/queues/approval', this.approver(0), capacity);
    const drafts = queue
      .flatMap((item) => item.subCases.filter((s) => s.pendingDraftId).map((s) => ({ caseId: item.id, subCaseId: s.id, draftId: s.pendingDraftId! })))
      .slice(0, capacity)
      .map((draft, k) => ({ ...draft, approver: this.approver(k % this.model.approvers) }));
    const byCase = new Map<string, typeof drafts>();
    for (const draft of drafts) byCase.set(draft.caseId, [...(byCase.get(draft.caseId) ?? []), draft]);
    await inPool([...byCase.values()], 6, async (mine) => {
      for (const draft of mine) {
        const res = await this.api.post(`/v1/decision-drafts/${draft.draftId}/issue`, draft.approver, {}, [201, 403, 409]);
        if (res.status !== 201) continue;
        const a = this.byCase.get(draft.caseId);
        const s = a?.subCases.find((x) => x.id === draft.subCaseId);
        if (a && s) this.decided(a, s);
      }
    });
  }

  /**
   * Caseworkers first work on the cases they hold (side by side: each holds their own), skipping
   * those the queue shows waiting on an advisor; then they claim from the shared queues, soonest
   * deadline first, in turns (each with capacity left takes the next case), each turn's claims side
   * by side. The turns make the split the same in every run of a seed.
   */
  private async caseworkers(): Promise<number> {
    type Item = { id: string; dueAt: string | null; state: string; openConsultations: number; subCases: { state: string; pendingDraftId: string | null }[] };
    // A part the caseworker can act on: in review with no draft waiting. When the case has as many
    // open consultations as such parts, each of them waits on an advisor.
    const actionable = (x: Item) => {
      const parts = x.subCases.filter((s) => s.state === 'in_review' && !s.pendingDraftId).length;
      return x.state === 'in_review' && parts > x.openConsultations;
    };
    const left = await Promise.all(
      Array.from({ length: this.model.caseworkers }, async (_, i) => {
        const me = this.caseworker(i);
        let capacity = this.model.caseworkerCapacity;
        for (const item of await this.queue<Item>('/v1/queues/mine', me, capacity, actionable)) {
          if (capacity <= 0) break;
          capacity -= await this.work(me, item.id, capacity);
        }
        return capacity;
      }),
    );
    const free = left.reduce((a, b) => a + b, 0);
    if (free > 0) {
      const [central, collaborative] = await Promise.all(
        ['central', 'collaborative'].map((q) => this.queue<Item>(`/v1/queues/${q}?assignee=unassigned&state=in_review`, this.caseworker(0), free)),
      );
      const seen = new Set<string>();
      const order = (x: Item) => this.byCase.get(x.id)?.plan.n ?? Number.MAX_SAFE_INTEGER;
      const dueDay = (x: Item) => (x.dueAt ? copenhagenDateOf(new Date(x.dueAt)).toString() : '9999-12-31');
      const unassigned = [...central, ...collaborative]
        .filter((x) => !seen.has(x.id) && seen.add(x.id))
        .sort((x, y) => (dueDay(x) < dueDay(y) ? -1 : dueDay(x) > dueDay(y) ? 1 : order(x) - order(y)));
      while (unassigned.length > 0 && left.some((l) => l > 0)) {
        const turn: { i: number; caseId: string }[] = [];
        for (let i = 0; i < left.length && unassigned.length > 0; i++) if (left[i] > 0) turn.push({ i, caseId: unassigned.shift()!.id });
        await Promise.all(
          turn.map(async ({ i, caseId }) => {
            const me = this.caseworker(i);
            const claimed = await this.api.post(`/v1/cases/${caseId}/claim`, me, {}, [200, 409]);
            if (claimed.status !== 200) return;
            left[i] -= 1;
            if (left[i] > 0) left[i] -= await this.work(me, caseId, left[i]);
          }),
        );
      }
    }
    return left.reduce((used, l) => used + this.model.caseworkerCapacity - l, 0);
  }

  /**
   * What a caseworker does on a case in review: ask for a supplement once when the screening found
   * the application likely to be refused; otherwise, for each part whose consultation is answered
   * or lapsed, resolve its open legal matters and draft the decision (central track) or recommend
   * to the controller (collaborative track). Returns the capacity used.
   */
  private async work(me: Actor, caseId: string, capacity: number): Promise<number> {
    const a = this.byCase.get(caseId);
    if (!a) return 0;
    const c = (await this.api.get(`/v1/cases/${caseId}`, me)).body;
    const refused = c.subCases.some((s: any) => s.state === 'in_review' && s.screening?.verdict === 'deny');
    if (refused && a.supplementRound === 0) {
      const asked = await this.api.post(`/v1/cases/${caseId}/supplement-requests`, me, { questions: ['The screening found the application likely to be refused: please amend it (declarations) or explain.'] }, [201, 409]);
      if (asked.status === 201) {
        a.supplementRound += 1;
        if (a.plan.neverAnswers) {
          a.silent = !a.plan.withdraws;
          if (a.plan.withdraws) a.withdrawOn = workingDayAfter(this.today, 35);
        } else a.answerOn = workingDayAfter(this.today, a.plan.answerDays[0]);
      }
      return 1;
    }
    let used = 0;
    for (const s of c.subCases.filter((x: any) => x.state === 'in_review')) {
      if (used >= capacity) break;
      if (c.consultations.some((k: any) => k.subCaseId === s.id && k.state === 'open')) continue;
      for (const m of c.legalMatters.filter((x: any) => x.subCaseId === s.id && x.state === 'open')) {
        await this.api.post(`/v1/cases/${caseId}/legal-matters/${m.id}/resolve`, me, { documentReference: `${m.kind} SIM-${a.plan.n + 1}` }, [200]);
        used += 1;
      }
      const outcome = s.screening?.verdict === 'deny' ? 'rejected' : 'approved';
      const reasoning = outcome === 'approved' ? 'The purpose is scientific research and the data requested are necessary.' : 'The application does not meet the requirements the screening names.';
      const track = a.subCases.find((x) => x.id === s.id)!;
      if (s.track === 'central') {
        // The refusal rests on the screening of the application itself: no facts the applicant has
        // not seen, so no partshøring is owed (forvaltningsloven § 19, stk. 1).
        const hearing = outcome === 'rejected' ? { hearingDispensedReason: 'The refusal rests only on what the application states (forvaltningsloven § 19, stk. 1).' } : {};
        const body = { outcome, legalBasis: 'EHDS art. 68; databeskyttelsesloven § 10', reasoning, conditions: [] as string[], ...hearing };
        await this.postDeciding(`/v1/cases/${caseId}/sub-cases/${s.id}/decision-drafts`, me, body);
      } else {
        const res = await this.postDeciding(`/v1/cases/${caseId}/sub-cases/${s.id}/recommendations`, me, { outcome, reasoning });
        if (res.status === 201) {
          track.recommendation = outcome;
          track.controllerDecidesOn = workingDayAfter(this.today, a.plan.controllerDays[Math.max(0, a.plan.sources.indexOf(s.dataSourceId))]);
        }
      }
      used += 1;
    }
    return used;
  }
}

