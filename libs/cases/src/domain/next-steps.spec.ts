import type { Actor } from '@kp/auth';
import { noCaseFacts } from './case-facts';
import { nextSteps, StepSituation } from './next-steps';
import type { CaseRecord, LegalMatterRecord, SubCaseRecord } from './records';

const caseworker = { sub: 'cw-1', role: 'caseworker' } as Actor;
const approver = { sub: 'la-1', role: 'legal_approver' } as Actor;
const lpr = { id: 'lpr', state: 'in_review', track: 'central', controllerOrg: null } as SubCaseRecord;
const epj = { id: 'epj', state: 'in_review', track: 'collaborative', controllerOrg: '29190925' } as SubCaseRecord;

function situation(extra: Partial<StepSituation> = {}): StepSituation {
  const subCases = extra.subCases ?? [lpr, epj];
  return {
    actor: caseworker,
    c: { state: 'in_review', assigneeSub: null, applicantOrg: '31119103' } as CaseRecord,
    subCases,
    visibleSubCases: subCases,
    consultations: [],
    legalMatters: [],
    facts: noCaseFacts(),
    conflicted: false,
    clockTakesPause: true,
    clockTakesExtension: true,
    ...extra,
  };
}
const commands = (s: StepSituation) => {
  const steps = nextSteps(s);
  return { case: steps.case.map((x) => x.command), ...Object.fromEntries(Object.entries(steps.subCases).map(([id, list]) => [id, list.map((x) => x.command)])) };
};

describe('next steps', () => {
  it('offers a caseworker the case’s work and, per part, the decision its track takes', () => {
    expect(commands(situation())).toEqual({
      case: ['claim', 'assign', 'add_note', 'request_rescreen', 'consult', 'request_supplement', 'extend_clock'],
      // Either part may be refused, so the applicant may first be heard on it (forvaltningsloven § 19).
      lpr: ['draft_decision', 'consult', 'open_legal_matter', 'hear_party'],
      epj: ['recommend', 'consult', 'open_legal_matter', 'hear_party'],
    });
  });

  it('offers no second hearing on a part while one runs, and the applicant the answer to it', () => {
    const facts = { ...noCaseFacts(), openHearings: [{ id: 'h-1', caseId: 'c', subCaseId: 'lpr', answerDueAt: new Date('2027-03-15T08:00:00Z') }] };
    expect(nextSteps(situation({ facts })).subCases.lpr.map((x) => x.command)).not.toContain('hear_party');
    expect(nextSteps(situation({ facts })).subCases.epj.map((x) => x.command)).toContain('hear_party');
    const applicant = { sub: 'r-1', role: 'researcher' } as Actor;
    const steps = nextSteps({ ...situation({ facts, actor: applicant }), c: { state: 'in_review', assigneeSub: null, applicantOrg: '31119103', applicantSub: 'r-1' } as CaseRecord });
    expect(steps.subCases.lpr).toEqual(expect.arrayContaining([{ command: 'answer_hearing', subCaseId: 'lpr', hearingId: 'h-1' }]));
    const other = nextSteps({ ...situation({ facts, actor: { sub: 'r-2', role: 'researcher' } as Actor }), c: { state: 'in_review', assigneeSub: null, applicantOrg: '31119103', applicantSub: 'r-1' } as CaseRecord });
    expect(other.subCases.lpr ?? []).not.toEqual(expect.arrayContaining([expect.objectContaining({ command: 'answer_hearing' })]));
  });

  it('offers the revocation only after the holder was heard, and the hearing before (EHDS art. 63)', () => {
    const decided = { state: 'decided', assigneeSub: null, applicantOrg: '31119103', applicantSub: 'r-1' } as CaseRecord;
    const parts = [{ ...lpr, state: 'decided' }] as SubCaseRecord[];
    const withPermit = (revocationHearing: 'none' | 'open' | 'heard') => ({ ...noCaseFacts(), activePermits: [{ id: 'p-1', caseId: 'c', number: 'DUT-2027-000001', revocationHearing }] });
    const at = (hearing: 'none' | 'open' | 'heard') => nextSteps({ ...situation({ actor: approver, subCases: parts, facts: withPermit(hearing) }), c: decided }).case.map((x) => `${x.command}@${x.permitId}`);
    expect(at('none')).toEqual(['hear_permit_holder@p-1']);
    expect(at('open')).toEqual([]);
    expect(at('heard')).toEqual(['hear_permit_holder@p-1', 'revoke_permit@p-1']);
    // The holder answers a revocation hearing from the case.
    const facts = { ...withPermit('open'), openHearings: [{ id: 'h-9', caseId: 'c', subCaseId: null, permitId: 'p-1', answerDueAt: new Date('2027-03-29T08:00:00Z') }] };
    const holder = nextSteps({ ...situation({ actor: { sub: 'r-1', role: 'researcher' } as Actor, subCases: parts, facts }), c: decided });
    expect(holder.case).toEqual([{ command: 'answer_hearing', hearingId: 'h-9', permitId: 'p-1' }]);
  });

  it('offers staff to forward an appeal under reconsideration and to decide a request to reopen, on its part', () => {
    const decided = { state: 'decided', assigneeSub: null, applicantOrg: '31119103' } as CaseRecord;
    const parts = [{ ...lpr, state: 'decided' }] as SubCaseRecord[];
    const facts = {
      ...noCaseFacts(),
      openReconsiderations: [
        { id: 'a-1', caseId: 'c', subCaseId: 'lpr', kind: 'appeal' as const, state: 'reconsidering', reconsiderBy: new Date('2027-04-01T00:00:00Z'), awaitingController: false, overdue: false },
        { id: 'r-1', caseId: 'c', subCaseId: 'lpr', kind: 'reopening' as const, state: 'reopened', reconsiderBy: new Date('2027-04-01T00:00:00Z'), awaitingController: false, overdue: false },
        { id: 'r-2', caseId: 'c', subCaseId: 'lpr', kind: 'reopening' as const, state: 'requested', reconsiderBy: new Date('2027-04-01T00:00:00Z'), awaitingController: false, overdue: false },
      ],
    };
    const steps = nextSteps({ ...situation({ subCases: parts, facts }), c: decided }).subCases.lpr;
    expect(steps).toEqual(expect.arrayContaining([{ command: 'forward_appeal', subCaseId: 'lpr', appealId: 'a-1' }, { command: 'decide_reopening', subCaseId: 'lpr', reopeningRequestId: 'r-2' }]));
    // A reopened request waits for the new decision, not for another answer.
    expect(steps.filter((x) => x.reopeningRequestId === 'r-1')).toEqual([]);
  });

  it('asks the controller, not the contact point, to reconsider its own decision on a collaborative part: change it or maintain it', () => {
    const decided = { state: 'decided', assigneeSub: null, applicantOrg: '31119103' } as CaseRecord;
    const parts = [{ ...epj, state: 'decided' }] as SubCaseRecord[];
    const due = new Date('2027-04-01T00:00:00Z');
    const facts = {
      ...noCaseFacts(),
      openReconsiderations: [
        { id: 'a-1', caseId: 'c', subCaseId: 'epj', kind: 'appeal' as const, state: 'reconsidering', reconsiderBy: due, awaitingController: true, overdue: false },
        { id: 'r-1', caseId: 'c', subCaseId: 'epj', kind: 'reopening' as const, state: 'reopened', reconsiderBy: due, awaitingController: true, overdue: false },
      ],
    };
    const controller = { sub: 'ctl-1', role: 'controller', organisation: '29190925' } as Actor;
    const asController = nextSteps({ ...situation({ subCases: parts, facts, actor: controller }), c: decided }).subCases.epj;
    expect(asController).toEqual([
      { command: 'controller_decide', subCaseId: 'epj', appealId: 'a-1' },
      { command: 'controller_maintain', subCaseId: 'epj', appealId: 'a-1' },
      { command: 'controller_decide', subCaseId: 'epj', reopeningRequestId: 'r-1' },
    ]);
    // Another region's controller is offered nothing; the contact point forwards only after the controller maintained.
    expect(nextSteps({ ...situation({ subCases: parts, facts, actor: { ...controller, organisation: '29190909' } as Actor }), c: decided }).subCases.epj).toEqual([]);
    expect(nextSteps({ ...situation({ subCases: parts, facts }), c: decided }).subCases.epj.map((x) => x.command)).not.toContain('forward_appeal');
    const maintained = { ...facts, openReconsiderations: [{ ...facts.openReconsiderations[0], awaitingController: false }] };
    expect(nextSteps({ ...situation({ subCases: parts, facts: maintained }), c: decided }).subCases.epj).toEqual(expect.arrayContaining([{ command: 'forward_appeal', subCaseId: 'epj', appealId: 'a-1' }]));
    expect(nextSteps({ ...situation({ subCases: parts, facts: maintained, actor: controller }), c: decided }).subCases.epj).toEqual([]);
  });

  it('offers release to the holder only, and nothing but release to a person with a declared conflict', () => {
    const held = { state: 'in_review', assigneeSub: 'cw-1', applicantOrg: '31119103' } as CaseRecord;
    expect(commands(situation({ c: held })).case).toEqual(expect.arrayContaining(['release']));
    expect(commands(situation({ c: held })).case).not.toContain('claim');
    expect(commands(situation({ c: held, actor: { sub: 'cw-2', role: 'caseworker' } as Actor })).case).not.toContain('release');
    expect(commands(situation({ c: held, conflicted: true }))).toEqual({ case: ['release'], lpr: [], epj: [] });
  });

  it('offers no supplement once a part is put to decision, and none while the clock would not take a pause', () => {
    expect(commands(situation({ subCases: [{ ...lpr, state: 'awaiting_approval' }, epj] })).case).not.toContain('request_supplement');
    expect(commands(situation({ clockTakesPause: false })).case).not.toContain('request_supplement');
    expect(commands(situation({ clockTakesExtension: false })).case).not.toContain('extend_clock');
  });

  it('offers a pending draft to a legal approver who did not draft it, and its approval only once blocking legal matters are resolved', () => {
    const draft = { id: 'd-1', caseId: 'c', subCaseId: 'lpr', approving: true, outcome: 'approved', draftedBy: 'cw-1', draftedAt: new Date() };
    const awaiting = [{ ...lpr, state: 'awaiting_approval' as const }, epj];
    const facts = { ...noCaseFacts(), pendingDrafts: [draft] };
    const steps = nextSteps(situation({ actor: approver, subCases: awaiting, visibleSubCases: awaiting, facts }));
    expect(steps.subCases.lpr.filter((s) => s.draftId)).toEqual([
      { command: 'issue_decision', subCaseId: 'lpr', draftId: 'd-1' },
      { command: 'return_draft', subCaseId: 'lpr', draftId: 'd-1' },
    ]);
    const asDrafter = nextSteps(situation({ actor: { sub: 'cw-1', role: 'legal_approver' } as Actor, subCases: awaiting, visibleSubCases: awaiting, facts }));
    expect(asDrafter.subCases.lpr.filter((s) => s.draftId).map((s) => s.command)).toEqual(['return_draft']);
    const matter = { id: 'm-1', subCaseId: 'lpr', blocking: true, state: 'open' } as LegalMatterRecord;
    const blocked = nextSteps(situation({ actor: approver, subCases: awaiting, visibleSubCases: awaiting, facts, legalMatters: [matter] }));
    expect(blocked.subCases.lpr.map((s) => s.command)).toEqual(['return_draft', 'open_legal_matter', 'resolve_legal_matter']);
  });

  it('offers the controller its own part, as a rejection only while a blocking legal matter is open', () => {
    const sent = { ...epj, state: 'awaiting_controller' as const };
    const controller = { sub: 'ctl', role: 'controller', organisation: '29190925' } as Actor;
    const matter = { id: 'm-1', subCaseId: 'epj', blocking: true, state: 'open' } as LegalMatterRecord;
    const steps = nextSteps(situation({ actor: controller, c: { state: 'awaiting_controller', assigneeSub: null } as CaseRecord, subCases: [sent], visibleSubCases: [sent], legalMatters: [matter] }));
    expect(steps).toEqual({ case: [], subCases: { epj: [{ command: 'controller_decide', subCaseId: 'epj', approvalBlockedBy: ['m-1'] }] } });
  });
});
