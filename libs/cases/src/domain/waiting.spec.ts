import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noCaseFacts } from './case-facts';
import type { ConsultationRecord, SubCaseRecord } from './records';
import { CaseState, SubCaseState } from './states';
import { DEADLINE_KINDS, WAITING_ROLES, waitingParties, WaitingInput } from './waiting';

const due = new Date('2027-06-01T21:59:59.999Z');
const sub = (id: string, state: SubCaseState, extra: Partial<SubCaseRecord> = {}) => ({ id, state, track: 'central', controllerOrg: null, dataSourceId: id, ...extra }) as SubCaseRecord;
const consultation = (subCaseId: string | null, advisorRegion: string, deadline: string, state: ConsultationRecord['state'] = 'open') =>
  ({ subCaseId, advisorRegion, deadline: new Date(deadline), state }) as ConsultationRecord;

function waits(caseState: CaseState, subCases: SubCaseRecord[], extra: Partial<WaitingInput> = {}) {
  const input: WaitingInput = { c: { state: caseState }, subCases, consultations: [], facts: noCaseFacts(), statutoryDue: Object.fromEntries(subCases.map((s) => [s.id, due])), ...extra };
  return Object.fromEntries([...waitingParties(input)].map(([id, parties]) => [id, parties.map((p) => `${p.party}/${p.deadlineKind ?? '-'}`)]));
}

describe('whom a sub-case waits on', () => {
  it('waits on nobody while the worker screens the case', () => {
    expect(waits('submitted', [sub('lpr', 'pending_screening')])).toEqual({ lpr: [] });
    expect(waits('screening', [sub('lpr', 'in_review')])).toEqual({ lpr: [] });
  });

  it('waits on the caseworker, a legal approver or the controller by the statutory clock, by the part’s state', () => {
    const parts = [sub('lpr', 'in_review'), sub('rkkp', 'awaiting_approval'), sub('epj', 'awaiting_controller', { track: 'collaborative', controllerOrg: '29190925' }), sub('dnb', 'decided')];
    expect(waits('in_review', parts)).toEqual({
      lpr: ['caseworker/statutory'],
      rkkp: ['legal_approver/statutory'],
      epj: ['controller:29190925/statutory'],
      dnb: [],
    });
  });

  it('waits on the applicant by the earliest answer date of the open requests for supplement', () => {
    const facts = {
      ...noCaseFacts(),
      openSupplementRequests: [
        { id: 'r1', caseId: 'c', subCaseId: null, questions: ['?'], requestedAt: new Date('2027-03-03'), answerDueAt: new Date('2027-03-31T21:59:59.999Z') },
        { id: 'r2', caseId: 'c', subCaseId: 'lpr', questions: ['?'], requestedAt: new Date('2027-03-01'), answerDueAt: new Date('2027-03-29T21:59:59.999Z') },
      ],
    };
    const input: WaitingInput = { c: { state: 'awaiting_applicant' }, subCases: [sub('lpr', 'in_review'), sub('epj', 'in_review')], consultations: [], facts, statutoryDue: {} };
    const parties = waitingParties(input);
    expect(parties.get('lpr')).toEqual([{ party: 'applicant', role: 'applicant', deadlineKind: 'supplement', deadlineAt: new Date('2027-03-29T21:59:59.999Z') }]);
    expect(parties.get('epj')![0].deadlineAt).toEqual(new Date('2027-03-31T21:59:59.999Z'));
  });

  it('adds each region with an open consultation on the part or the whole case, by its earliest deadline', () => {
    const consultations = [
      consultation('epj', 'region-midtjylland', '2027-03-20T00:00:00Z'),
      consultation(null, 'region-midtjylland', '2027-03-15T00:00:00Z'),
      consultation('epj', 'region-hovedstaden', '2027-03-10T00:00:00Z', 'answered'),
    ];
    const parties = waitingParties({ c: { state: 'in_review' }, subCases: [sub('lpr', 'in_review'), sub('epj', 'in_review')], consultations, facts: noCaseFacts(), statutoryDue: {} });
    expect(parties.get('epj')).toEqual([
      { party: 'caseworker', role: 'caseworker', deadlineKind: null, deadlineAt: null },
      { party: 'advisor:region-midtjylland', role: 'advisor', deadlineKind: 'consultation', deadlineAt: new Date('2027-03-15T00:00:00Z') },
    ]);
    expect(parties.get('lpr')!.map((p) => p.party)).toEqual(['caseworker', 'advisor:region-midtjylland']);
  });

  it('waits on a legal approver for a correcting draft of a decided part, with no clock running', () => {
    const facts = { ...noCaseFacts(), pendingDrafts: [{ id: 'd', caseId: 'c', subCaseId: 'lpr', approving: true, outcome: 'approved', draftedBy: 'cw-1', draftedAt: new Date() }] };
    expect(waits('decided', [sub('lpr', 'decided')], { facts, statutoryDue: {} })).toEqual({ lpr: ['legal_approver/-'] });
  });

  it('knows exactly the roles and deadline kinds the database accepts', () => {
    const migration = readFileSync(join(__dirname, '../../../../migrations/1795500750000-WaitingPeriods.ts'), 'utf8');
    const listed = (column: string) => new RegExp(`${column} text[^(]*CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(migration)![1].split(',').map((k) => k.trim().replace(/'/g, ''));
    expect(listed('role')).toEqual([...WAITING_ROLES]);
    // The party hearings (issue 16) widened the deadline kinds: the newest constraint counts.
    const widened = readFileSync(join(__dirname, '../../../../migrations/1795501100000-PartyHearings.ts'), 'utf8');
    const kinds = /ADD CONSTRAINT waiting_period_deadline_kind_check CHECK \(deadline_kind IN \(([^)]*)\)\)/.exec(widened)![1].split(',').map((k) => k.trim().replace(/'/g, ''));
    expect(kinds).toEqual([...DEADLINE_KINDS]);
    expect(listed('deadline_kind')).toEqual(DEADLINE_KINDS.filter((k) => k !== 'hearing'));
  });

  it('waits on the applicant, too, while a hearing before a refusal of the part runs (forvaltningsloven § 19)', () => {
    const facts = { ...noCaseFacts(), openHearings: [{ id: 'h', caseId: 'c', subCaseId: 'lpr', answerDueAt: new Date('2027-03-15T08:00:00Z') }] };
    expect(waits('in_review', [sub('lpr', 'in_review'), sub('rkkp', 'in_review')], { facts })).toEqual({ lpr: ['caseworker/statutory', 'applicant/hearing'], rkkp: ['caseworker/statutory'] });
  });
});
