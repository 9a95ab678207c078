import { deadlineAlerts } from './deadline-alerts';

describe('deadlineAlerts', () => {
  const calm = { atRisk: false, overdue: false };
  const atRisk = { atRisk: true, overdue: false };
  const overdue = { atRisk: false, overdue: true };

  it('raises at-risk when a case first becomes at risk, also one the sweep never saw', () => {
    expect(deadlineAlerts(calm, atRisk)).toEqual(['at_risk']);
    expect(deadlineAlerts(undefined, atRisk)).toEqual(['at_risk']);
  });

  it('raises nothing for flags the sweep already saw, so running it twice is harmless', () => {
    expect(deadlineAlerts(atRisk, atRisk)).toEqual([]);
    expect(deadlineAlerts(overdue, overdue)).toEqual([]);
    expect(deadlineAlerts(undefined, calm)).toEqual([]);
  });

  it('raises overdue when an at-risk case passes its due date', () => {
    expect(deadlineAlerts(atRisk, overdue)).toEqual(['overdue']);
    expect(deadlineAlerts(undefined, overdue)).toEqual(['overdue']);
  });

  it('raises at-risk again after the case was out of risk (e.g. extended) and comes back into it', () => {
    expect(deadlineAlerts(calm, atRisk)).toEqual(['at_risk']);
  });
});
