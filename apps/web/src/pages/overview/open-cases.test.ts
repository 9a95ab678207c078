import type { Schema } from '@kp/client';
import { describe, expect, it } from 'vitest';
import { daysLeftBand, waitingParty } from './open-cases';

const sub = (state: Schema<'SubCaseState'>) => ({ state }) as Schema<'QueueSubCase'>;

describe('the overview of open cases', () => {
  it('bands working days left, overdue first, and a case without a clock apart', () => {
    expect([-2, 0, 5, 6, 15, 16, 30, 31].map((daysLeft) => daysLeftBand({ daysLeft, overdue: daysLeft < 0 }))).toEqual(['overdue', 'd0to5', 'd0to5', 'd6to15', 'd6to15', 'd16to30', 'd16to30', 'd31plus']);
    expect(daysLeftBand({ daysLeft: null, overdue: false })).toBe('none');
  });

  it('says whom a case waits on from its state and its parts', () => {
    expect(waitingParty({ state: 'awaiting_applicant', subCases: [sub('in_review')] })).toBe('applicant');
    expect(waitingParty({ state: 'consultation', subCases: [sub('in_review')] })).toBe('advisor');
    expect(waitingParty({ state: 'in_review', subCases: [sub('awaiting_approval'), sub('in_review')] })).toBe('legal_approver');
    expect(waitingParty({ state: 'in_review', subCases: [sub('decided'), sub('awaiting_controller')] })).toBe('controller');
    expect(waitingParty({ state: 'in_review', subCases: [sub('in_review')] })).toBe('caseworker');
  });
});
