import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { SettableClock, SystemClock } from '@kp/clock';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '@kp/errors';
import { JobRunner, RecurringJobs } from '@kp/queue';
import { DataSource } from 'typeorm';
import { MoveBusinessClock } from './move-business-clock.usecase';
import { RunSchedulesNow } from './run-schedules-now.usecase';

const admin: Actor = { sub: 'a-1', role: 'admin' };
const caseworker: Actor = { sub: 'cw-1', role: 'caseworker' };
const db = { transaction: (work: (m: unknown) => Promise<unknown>) => work({}) } as unknown as DataSource;
const audit = () => ({ append: jest.fn().mockResolvedValue(undefined) }) as unknown as AuditLog & { append: jest.Mock };

describe('simulated time: only on a settable clock, only for admins, only forward', () => {
  it('does not exist on the system clock (production runs on it: BUSINESS_CLOCK=settable is refused there)', async () => {
    const move = new MoveBusinessClock(db, new SystemClock(), audit());
    expect(() => move.read(admin)).toThrow(NotFoundError);
    await expect(move.execute(admin, { advanceMs: 1 })).rejects.toThrow(NotFoundError);
    const recurring = { scheduled: () => [] } as unknown as RecurringJobs;
    await expect(new RunSchedulesNow(db, new SystemClock(), recurring, {} as JobRunner, audit()).execute(admin)).rejects.toThrow(NotFoundError);
  });

  it('refuses anyone but an admin, and moving back', async () => {
    let wall = Date.parse('2030-01-01T00:00:00Z');
    const clock = new SettableClock(() => wall);
    const log = audit();
    const move = new MoveBusinessClock(db, clock, log);
    await expect(move.execute(caseworker, { advanceMs: 1 })).rejects.toThrow(ForbiddenError);
    await expect(move.execute(admin, { to: new Date('2029-12-31T00:00:00Z') })).rejects.toThrow(ValidationFailedError);
    await expect(move.execute(admin, {})).rejects.toThrow(ValidationFailedError);
    expect(log.append).not.toHaveBeenCalled();
    expect(await move.execute(admin, { to: new Date('2030-02-01T00:00:00Z') })).toEqual({ now: '2030-02-01T00:00:00.000Z' });
    wall += 1000;
    expect((await move.execute(admin, { advanceMs: 60_000 })).now).toBe('2030-02-01T00:01:01.000Z');
    expect(log.append.mock.calls.map(([, e]) => [e.action, e.payload])).toEqual([
      ['business_clock.moved', { from: '2030-01-01T00:00:00.000Z', to: '2030-02-01T00:00:00.000Z' }],
      ['business_clock.moved', { from: '2030-02-01T00:00:01.000Z', to: '2030-02-01T00:01:01.000Z' }],
    ]);
  });

  it('runs each scheduled job once through the job runner, in order, with a fresh job id', async () => {
    const clock = new SettableClock(() => Date.parse('2030-01-01T00:00:00Z'));
    const ran: [string, string][] = [];
    const runner = { run: async (id: string, name: string) => void ran.push([id, name]) } as unknown as JobRunner;
    const recurring = { scheduled: () => [{ handler: { jobName: 'deadline_sweep' } }, { handler: { jobName: 'audit.checkpoint' } }] } as unknown as RecurringJobs;
    const result = await new RunSchedulesNow(db, clock, recurring, runner, audit()).execute(admin);
    expect(result).toEqual({ at: '2030-01-01T00:00:00.000Z', jobs: ['deadline_sweep', 'audit.checkpoint'] });
    expect(ran.map(([, name]) => name)).toEqual(['deadline_sweep', 'audit.checkpoint']);
    expect(new Set(ran.map(([id]) => id)).size).toBe(2);
    await expect(new RunSchedulesNow(db, clock, recurring, runner, audit()).execute(caseworker)).rejects.toThrow(ForbiddenError);
  });
});
