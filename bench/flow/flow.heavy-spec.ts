import { createTestDatabase } from '../../test/support/database';
import { Api } from './api';
import { DEFAULT_MODEL, FlowModel } from './model';
import { figuresOf, FlowReport, outcomesOf, summarise } from './report';
import { Simulation, SimulationRun } from './simulation';
import { startApp } from './start-app';

/**
 * The flow simulator in CI (issue 18): 50 applications played through the real API, once with
 * adequate staff until every case has finished (about four simulated months), and once with the
 * staff cut to one caseworker with one action a day, the same 50 arriving in one month, for three
 * months after the last arrival. The invariants come from the issue and EHDS art. 68(4): nothing is lost,
 * every case ends decided, withdrawn or waiting on a named party, no statutory deadline (3 months
 * from a complete application) is breached with adequate staff, and breaches are reported when
 * one person with little time does all the work. The audit chain verifies after both.
 */
jest.setTimeout(30 * 60 * 1000);

async function simulate(overrides: Partial<FlowModel>): Promise<{ run: SimulationRun; report: FlowReport }> {
  const app = await startApp({ databaseUrl: await createTestDatabase('flow_sim') });
  try {
    const run = await new Simulation(new Api(app.baseUrl, app.issuer), { ...DEFAULT_MODEL, ...overrides }).run();
    return { run, report: summarise(run) };
  } finally {
    await app.close();
  }
}

function expectInvariants({ run, report }: { run: SimulationRun; report: FlowReport }, applications: number): void {
  // Nothing lost: every application planned was submitted and has its case.
  expect(report.applications.submitted + report.applications.neverSubmitted).toBe(applications);
  expect(report.applications.neverSubmitted).toBe(0);
  expect(new Set(run.cases.map((c) => c.caseId)).size).toBe(applications);
  // Every case decided, withdrawn, or waiting with a named party.
  for (const c of run.cases) {
    if (['decided', 'withdrawn'].includes(c.view.state)) continue;
    expect(c.view.waitingFor.length).toBeGreaterThan(0);
    for (const w of c.view.waitingFor) expect(w.party).toMatch(/^(applicant|caseworker|legal_approver|advisor:.+|controller:.+)$/);
  }
  expect(report.endState.openWithoutReason).toBe(0);
  expect(report.audit.valid).toBe(true);
}

describe('flow simulation through the real API (heavy)', () => {
  const applications = 50;

  it('is deterministic: two runs of one seed give the same figures and the same day-by-day queues', async () => {
    // Two caseworkers with two actions a day: queues form, so the order in which cases due the
    // same day are claimed and approved matters, and must not follow the random case ids.
    const model = { applications: 20, months: 1, caseworkers: 2, caseworkerCapacity: 2, approvers: 1, approverCapacity: 3, seed: 11, drainMonths: 3 };
    const first = await simulate(model);
    const second = await simulate(model);
    // Two runs, each on its own database and app: nothing carried over from one to the other.
    expect(new Set([...first.run.cases, ...second.run.cases].map((c) => c.caseId)).size).toBe(40);
    // Something to compare: every application submitted, parts decided over the days, people waited on.
    expect(first.report.applications.submitted).toBe(20);
    expect(first.report.leadTimeDays.all.n).toBeGreaterThan(20);
    expect(first.run.days.length).toBeGreaterThan(40);
    expect(Object.keys(first.report.waitedFor)).toEqual(expect.arrayContaining(['applicant', 'caseworker', 'legal_approver']));
    expect(figuresOf(second.report)).toEqual(figuresOf(first.report));
    expect(second.run.days).toEqual(first.run.days);
    // And application by application: the same states, decision days and waits.
    expect(outcomesOf(second.run)).toEqual(outcomesOf(first.run));
  });

  it('with adequate staff: every case finishes, none breaches its statutory deadline', async () => {
    const result = await simulate({ applications, months: 2, caseworkers: 3, approvers: 2, seed: 7, drainMonths: 4 });
    expectInvariants(result, applications);
    const { report } = result;
    expect(report.statutory.breaches).toBe(0);
    // Only applicants who never answer leave a case open; everyone else's case was decided or withdrawn.
    for (const open of report.endState.open) expect(open.waitingFor).toEqual(['applicant']);
    expect(report.leadTimeDays.all.n).toBeGreaterThan(applications);
    expect(report.contactPointShare).toBeGreaterThan(0);
  });

  it('with the staff cut to one caseworker with one action a day: breaches are reported, nothing is lost', async () => {
    // All 50 arrive in one month and need about 125 actions; one a day leaves many undecided when
    // their 3 months run out (EHDS art. 68(4)). The run stops three months after the last arrival.
    const result = await simulate({ applications, months: 1, caseworkers: 1, caseworkerCapacity: 1, approvers: 1, seed: 7, drainMonths: 3 });
    expectInvariants(result, applications);
    const { report } = result;
    expect(report.statutory.breaches).toBeGreaterThan(0);
    expect(report.statutory.breachedCases.length).toBeGreaterThan(0);
    // Those cases wait on the contact point, which the waiting history shows.
    expect(report.waitedFor.caseworker.share).toBeGreaterThan(0.3);
  });
});
