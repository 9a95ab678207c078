import { checkpointEveryMs, DEFAULT_CHECKPOINT_EVERY_MS } from './checkpoint-interval';

describe('checkpointEveryMs', () => {
  it('defaults to ten minutes', () => {
    expect(checkpointEveryMs({})).toBe(DEFAULT_CHECKPOINT_EVERY_MS);
    expect(DEFAULT_CHECKPOINT_EVERY_MS).toBe(600_000);
  });

  it('takes a valid interval', () => {
    expect(checkpointEveryMs({ AUDIT_CHECKPOINT_EVERY_MS: '250' })).toBe(250);
  });

  it.each(['ten', '0', '-5', '1.5', '999999999999'])('refuses %s and names the variable', (raw) => {
    expect(() => checkpointEveryMs({ AUDIT_CHECKPOINT_EVERY_MS: raw })).toThrow(/AUDIT_CHECKPOINT_EVERY_MS/);
  });
});
