import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, isCommandAllowed, LIFECYCLE } from './lifecycle';
import { CASE_KINDS, deriveCaseState, nextStateLabel, STATE_EFFECTS } from './state-effects';

describe('state effects', () => {
  it('derives the case state from its sub-cases: decided when none is open, awaiting the controller when every open one is', () => {
    expect(deriveCaseState('in_review', [{ state: 'decided' }, { state: 'withdrawn' }])).toBe('decided');
    expect(deriveCaseState('in_review', [{ state: 'decided' }, { state: 'awaiting_controller' }])).toBe('awaiting_controller');
    expect(deriveCaseState('consultation', [{ state: 'awaiting_controller' }, { state: 'in_review' }])).toBe('consultation');
    expect(deriveCaseState('decided', [{ state: 'decided' }])).toBe('decided');
  });

  it('moves a case only from the states the table names, and names the guard where one applies', () => {
    expect(nextStateLabel('application', 'consult', 'in_review')).toBe('consultation');
    expect(nextStateLabel('application', 'consult', 'awaiting_applicant')).toBeUndefined();
    expect(nextStateLabel('application', 'answer_consultation', 'consultation')).toBe('in_review if no pending consultation');
    expect(nextStateLabel('application', 'withdraw', 'in_review')).toBe('withdrawn');
    expect(nextStateLabel('application', 'claim', 'in_review')).toBeUndefined();
  });

  it('has an effect only for commands the lifecycle table grants someone in a state the effect moves from', () => {
    for (const kind of CASE_KINDS) {
      for (const [command, effect] of Object.entries(STATE_EFFECTS[kind])) {
        expect(COMMANDS).toContain(command);
        const from = effect.case?.from ?? Object.keys(LIFECYCLE);
        const granted = from.some((state) => Object.keys(LIFECYCLE[state as keyof typeof LIFECYCLE]).some((role) => isCommandAllowed(state as never, role as never, command as never)));
        expect({ command, granted }).toEqual({ command, granted: true });
      }
    }
  });

  it('knows exactly the case kinds the database accepts', () => {
    const migration = readFileSync(join(__dirname, '../../../../migrations/1795610100000-StatisticsRequests.ts'), 'utf8');
    const allowed = /CHECK \(kind IN \(([^)]*)\)\)/.exec(migration)![1].split(',').map((k) => k.trim().replace(/'/g, ''));
    expect(allowed).toEqual([...CASE_KINDS]);
  });
});
