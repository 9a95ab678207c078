import fc from 'fast-check';
import { Verdict } from './rule-set';
import { combineVerdicts } from './verdict';

const verdict = fc.constantFrom<Verdict>('approve', 'deny', 'abstain');
const findings = fc.array(verdict.map((v) => ({ verdict: v })), { maxLength: 30 });

describe('combineVerdicts', () => {
  it('approves when there are no findings', () => {
    expect(combineVerdicts([])).toBe('approve');
  });

  it('denies when any finding denies, even next to an abstain (a missing declaration must not hide a prohibited use)', () => {
    expect(combineVerdicts([{ verdict: 'abstain' }, { verdict: 'deny' }, { verdict: 'approve' }])).toBe('deny');
  });

  it('abstains when a finding abstains and none denies', () => {
    expect(combineVerdicts([{ verdict: 'approve' }, { verdict: 'abstain' }])).toBe('abstain');
  });

  it('for any list of findings: deny if any denies, else abstain if any abstains, else approve', () => {
    fc.assert(
      fc.property(findings, (list) => {
        const votes = new Set(list.map((f) => f.verdict));
        const expected: Verdict = votes.has('deny') ? 'deny' : votes.has('abstain') ? 'abstain' : 'approve';
        expect(combineVerdicts(list)).toBe(expected);
      }),
    );
  });

  it('does not depend on the order of the findings, and one more deny never softens the verdict', () => {
    fc.assert(
      fc.property(findings, fc.nat(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.verdict.length * 31 + seed) % 7) - ((b.verdict.length * 31 + seed) % 7));
        expect(combineVerdicts(shuffled)).toBe(combineVerdicts(list));
        expect(combineVerdicts([...list, { verdict: 'deny' }])).toBe('deny');
      }),
    );
  });
});
