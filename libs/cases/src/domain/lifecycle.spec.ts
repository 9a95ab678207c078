import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCommandAllowed, CASE_STATES, CommandNotAllowedError, isCommandAllowed } from './lifecycle';
import { renderPermissionsDocument } from './permissions-document';
import { AWAITING_SCREENING } from './states';

describe('case lifecycle table', () => {
  it('lets the system screen every state a case waits in for its screening (the recovery sweep relies on it)', () => {
    for (const state of AWAITING_SCREENING) expect(isCommandAllowed(state, 'system', 'screen')).toBe(true);
    expect(AWAITING_SCREENING).not.toContain('in_review');
  });

  it('lets the applicant withdraw from every open state but not after the decision', () => {
    for (const state of ['draft', 'submitted', 'screening', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller'] as const) {
      expect(isCommandAllowed(state, 'researcher', 'withdraw')).toBe(true);
    }
    expect(() => assertCommandAllowed('decided', 'researcher', 'withdraw')).toThrow(CommandNotAllowedError);
    expect(() => assertCommandAllowed('withdrawn', 'researcher', 'withdraw')).toThrow('A researcher cannot withdraw when the case is withdrawn.');
  });

  it('lets only the applicant edit, and only a draft or a case waiting for a supplement', () => {
    expect(isCommandAllowed('draft', 'researcher', 'edit_draft')).toBe(true);
    expect(isCommandAllowed('awaiting_applicant', 'researcher', 'edit_draft')).toBe(true);
    expect(isCommandAllowed('in_review', 'researcher', 'edit_draft')).toBe(false);
    expect(isCommandAllowed('draft', 'caseworker', 'edit_draft')).toBe(false);
  });

  it('leaves the applicant no state where the application can be amended but not sent, or sent but not amended', () => {
    for (const state of CASE_STATES) {
      const sends = isCommandAllowed(state, 'researcher', 'submit') || isCommandAllowed(state, 'researcher', 'resubmit');
      expect({ state, edits: isCommandAllowed(state, 'researcher', 'edit_draft'), checks: isCommandAllowed(state, 'researcher', 'check') }).toEqual({ state, edits: sends, checks: sends });
    }
    // Waiting for a supplement, the staff cannot move the case on: only the applicant's resubmission (or a withdrawal) ends the wait.
    const staffMoves = (['caseworker', 'legal_approver', 'controller', 'advisor', 'system'] as const).flatMap((role) =>
      (['screen', 'recommend', 'draft_decision', 'issue_decision', 'controller_decide', 'request_supplement'] as const).filter((command) => isCommandAllowed('awaiting_applicant', role, command)),
    );
    expect(staffMoves).toEqual([]);
  });

  it('keeps docs/permissions.md in step with the table (permissions)', () => {
    const file = join(__dirname, '../../../../docs/permissions.md');
    const rendered = renderPermissionsDocument();
    if (process.env.UPDATE_PERMISSIONS_DOC === '1') writeFileSync(file, rendered);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(rendered);
  });
});
