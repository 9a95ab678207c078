import { ConfigError } from '@kp/config';
import { loadDeadlineOptions } from './deadline-options';

describe('loadDeadlineOptions', () => {
  it('sweeps every five minutes unless DEADLINE_SWEEP_MS says otherwise', () => {
    expect(loadDeadlineOptions({})).toEqual({ sweepEveryMs: 300000 });
    expect(loadDeadlineOptions({ DEADLINE_SWEEP_MS: '60000' })).toEqual({ sweepEveryMs: 60000 });
  });

  it('stops start-up on a value that is not a sane interval, naming the variable', () => {
    for (const bad of ['soon', '10', '1.5', '86400001']) {
      expect(() => loadDeadlineOptions({ DEADLINE_SWEEP_MS: bad })).toThrow(ConfigError);
    }
    expect(() => loadDeadlineOptions({ DEADLINE_SWEEP_MS: 'soon' })).toThrow(/DEADLINE_SWEEP_MS="soon"/);
  });
});
