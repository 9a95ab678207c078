import type { PartyHearingRecord } from '../infrastructure/party-hearing.repository';
import { revocationHearingStatus } from './revocation-hearing-status';

const hearing = (over: Partial<PartyHearingRecord>): PartyHearingRecord => ({
  id: 'h',
  caseId: 'c',
  subject: 'revocation',
  subCaseId: null,
  permitId: 'p',
  kind: 'held',
  draftGrounds: 'Breach of the conditions.',
  answerDueAt: new Date('2029-05-29T08:00:00Z'),
  dispensedReason: null,
  sentBy: 'la-1',
  sentAt: new Date('2029-05-01T08:00:00Z'),
  answer: null,
  answeredBy: null,
  answeredAt: null,
  ...over,
});

describe('revocation hearing status (EHDS art. 63; forvaltningsloven § 19)', () => {
  const at = new Date('2029-05-10T08:00:00Z');
  it('is none before any hearing, and ignores hearings before a refusal', () => {
    expect(revocationHearingStatus([], at).status).toBe('none');
    expect(revocationHearingStatus([hearing({ subject: 'refusal', subCaseId: 's', permitId: null })], at).status).toBe('none');
  });
  it('is open while the holder may still answer', () => {
    expect(revocationHearingStatus([hearing({})], at).status).toBe('open');
  });
  it('is heard once answered, or once the deadline passed unanswered', () => {
    expect(revocationHearingStatus([hearing({ answer: 'We deleted the tables.', answeredAt: at })], at).status).toBe('heard');
    expect(revocationHearingStatus([hearing({})], new Date('2029-05-29T08:00:01Z')).status).toBe('heard');
  });
});
