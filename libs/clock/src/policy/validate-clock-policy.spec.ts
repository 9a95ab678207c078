import { ClockPolicy, DEFAULT_CLOCK_POLICIES } from './clock-policy';
import { ClockPolicyError, resolveClockPolicies, validateClockPolicy } from './validate-clock-policy';

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ClockPolicyError) return error.problems;
    throw error;
  }
  throw new Error('expected a ClockPolicyError');
};

const withSetting = (setting: Partial<Record<keyof ClockPolicy, unknown>>): unknown => ({
  ...DEFAULT_CLOCK_POLICIES.central,
  ...setting,
});

describe('clock policy', () => {
  it('defaults both tracks to the EHDS art. 68(4) limits', () => {
    const expected: ClockPolicy = {
      decisionLimit: { months: 3 },
      completionLimit: { weeks: 4 },
      maxExtension: { months: 3 },
      warnBefore: { workingDays: 10 },
      publishDecisionWithin: { workingDays: 30 },
    };
    expect(DEFAULT_CLOCK_POLICIES.central).toEqual(expected);
    expect(DEFAULT_CLOCK_POLICIES.collaborative).toEqual(expected);
    expect(validateClockPolicy(DEFAULT_CLOCK_POLICIES.central)).toEqual(expected);
  });

  it('rejects an extension cap above 3 months, because EHDS caps it', () => {
    expect(problemsOf(() => validateClockPolicy(withSetting({ maxExtension: { months: 4 } })))).toEqual([
      'policy.maxExtension.months must be at most 3 (EHDS art. 68(4) caps it)',
    ]);
  });

  it('rejects limits looser than the law and limits of zero', () => {
    expect(problemsOf(() => validateClockPolicy(withSetting({ decisionLimit: { months: 4 } })))).toEqual([
      'policy.decisionLimit.months must be at most 3 (EHDS art. 68(4))',
    ]);
    expect(problemsOf(() => validateClockPolicy(withSetting({ completionLimit: { weeks: 0 } })))).toEqual([
      'policy.completionLimit.weeks must be at least 1',
    ]);
    expect(problemsOf(() => validateClockPolicy(withSetting({ publishDecisionWithin: { workingDays: 31 } })))).toEqual([
      'policy.publishDecisionWithin.workingDays must be at most 30 (EHDS art. 57(1)(j))',
    ]);
  });

  it('rejects negative, fractional and mistyped values, wrong units and unknown settings', () => {
    expect(
      problemsOf(() =>
        validateClockPolicy({
          decisionLimit: { days: 90 },
          completionLimit: { weeks: 2.5 },
          maxExtension: { months: -1 },
          warnBefore: { workingDays: '10' },
          publishDecisionWithin: { workingDays: 30 },
          warnBefor: { workingDays: 5 },
        }),
      ),
    ).toEqual([
      'policy.warnBefor is not a clock setting',
      'policy.decisionLimit must be { months: <integer> }',
      'policy.completionLimit.weeks must be an integer',
      'policy.maxExtension.months must be at least 0',
      'policy.warnBefore.workingDays must be an integer',
    ]);
    expect(problemsOf(() => validateClockPolicy(null))).toEqual(['policy must be an object']);
  });

  it('rejects a warning that would flag every completion clock at risk from day one', () => {
    expect(problemsOf(() => validateClockPolicy(withSetting({ warnBefore: { workingDays: 20 } })))).toEqual([
      'policy.warnBefore.workingDays must be below 20, the working days in completionLimit',
    ]);
    expect(validateClockPolicy(withSetting({ warnBefore: { workingDays: 19 } }))).toBeDefined();
  });

  describe('resolveClockPolicies', () => {
    it('applies per-track overrides on top of the defaults', () => {
      const policies = resolveClockPolicies({ central: { warnBefore: { workingDays: 5 } } });
      expect(policies.central.warnBefore.workingDays).toBe(5);
      expect(policies.central.decisionLimit.months).toBe(3);
      expect(policies.collaborative.warnBefore.workingDays).toBe(10);
      expect(resolveClockPolicies()).toEqual(DEFAULT_CLOCK_POLICIES);
    });

    it('names the track and setting of every problem at once', () => {
      expect(
        problemsOf(() =>
          resolveClockPolicies({
            central: { maxExtension: { months: 6 } },
            collaborative: { warnBefore: { workingDays: -1 } },
            regional: {},
          }),
        ),
      ).toEqual([
        'regional is not a track',
        'central.maxExtension.months must be at most 3 (EHDS art. 68(4) caps it)',
        'collaborative.warnBefore.workingDays must be at least 0',
      ]);
    });
  });
});
