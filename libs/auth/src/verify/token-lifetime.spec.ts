import { lifetimeProblem } from './token-lifetime';

describe('lifetimeProblem', () => {
  const iat = 1_800_000_000;

  it('accepts a lifetime up to the maximum, the maximum included', () => {
    expect(lifetimeProblem({ iat, exp: iat + 60 }, 3600)).toBeUndefined();
    expect(lifetimeProblem({ iat, exp: iat + 3600 }, 3600)).toBeUndefined();
  });

  it('refuses a lifetime one second over the maximum, naming the setting for the log', () => {
    expect(lifetimeProblem({ iat, exp: iat + 3601 }, 3600)).toMatch(/3601 s exceeds the maximum of 3600 s \(TOKEN_MAX_LIFETIME_S\)/);
  });

  it('refuses a token that expires before it was issued, or lacks either time', () => {
    expect(lifetimeProblem({ iat, exp: iat }, 3600)).toMatch(/before it was issued/);
    expect(lifetimeProblem({ exp: iat }, 3600)).toMatch(/lacks/);
    expect(lifetimeProblem({ iat }, 3600)).toMatch(/lacks/);
    expect(lifetimeProblem({ iat: String(iat), exp: iat + 1 } as unknown as { iat: number }, 3600)).toMatch(/lacks/);
  });
});
