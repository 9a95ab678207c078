import { JobContext, JobHandler, JobHandlerRegistry, JobQueue, JobRunner, RecurringJobs } from '@kp/queue';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { createServer, Server, Socket } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { createTableForApp } from './support/app-role';
import { waitFor } from './support/wait';

/** Records each effect with its job id; a second effect of one job would show as two rows. */
@Injectable()
class ProbeHandler implements JobHandler<{ note: string }>, OnModuleInit {
  readonly jobName = 'probe';
  constructor(private readonly registry: JobHandlerRegistry) {}
  onModuleInit() {
    this.registry.register(this);
  }
  async handle(manager: EntityManager, payload: { note: string }, context: JobContext) {
    await manager.query('INSERT INTO probe_effect (job_id, note) VALUES ($1, $2)', [context.jobId, payload.note]);
  }
}

/** Runs on a schedule; each run leaves one row. */
@Injectable()
class RecurringProbe implements JobHandler, OnModuleInit {
  readonly jobName = 'recurring-probe';
  constructor(private readonly recurring: RecurringJobs) {}
  onModuleInit() {
    this.recurring.register({ handler: this, everyMs: 300 });
  }
  async handle(manager: EntityManager, _: unknown, context: JobContext) {
    await manager.query('INSERT INTO probe_effect (job_id, note) VALUES ($1, $2)', [context.jobId, 'recurring']);
  }
}

async function enqueueProbe(t: TestApp, note: string): Promise<string> {
  const dataSource = t.app.get(DataSource);
  return dataSource.transaction((manager) => t.app.get(JobQueue).enqueue(manager, { name: 'probe', payload: { note } }));
}

async function effects(t: TestApp, note: string): Promise<number> {
  const rows: { n: string }[] = await t.app.get(DataSource).query('SELECT count(*) AS n FROM probe_effect WHERE note = $1', [note]);
  return Number(rows[0].n);
}

const backend = process.env.REDIS_URL ? 'Redis' : 'PostgreSQL';

describe(`job queue on the ${backend} backend`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('queue', { extraProviders: [ProbeHandler, RecurringProbe] });
    await createTableForApp(t.databaseUrl, 'probe_effect', 'job_id text, note text');
  });
  afterAll(() => t.close());

  it('runs a job written to the outbox in a committed transaction', async () => {
    await enqueueProbe(t, 'round-trip');
    await waitFor(async () => (await effects(t, 'round-trip')) === 1, 15000, 'the probe job');
    const [row] = await t.app.get(DataSource).query(`SELECT dispatched_at FROM outbox WHERE job_name = 'probe' AND payload->>'note' = 'round-trip'`);
    expect(row.dispatched_at).not.toBeNull();
  });

  it('writes no job when the business transaction rolls back', async () => {
    const dataSource = t.app.get(DataSource);
    await expect(
      dataSource.transaction(async (manager) => {
        await t.app.get(JobQueue).enqueue(manager, { name: 'probe', payload: { note: 'rolled-back' } });
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow('business rule');
    const rows = await dataSource.query(`SELECT 1 FROM outbox WHERE payload->>'note' = 'rolled-back'`);
    expect(rows).toHaveLength(0);
  });

  it('has no second effect when a job is delivered again', async () => {
    const runner = t.app.get(JobRunner);
    expect(await runner.run('redelivered-1', 'probe', { note: 'twice' })).toBe('processed');
    expect(await runner.run('redelivered-1', 'probe', { note: 'twice' })).toBe('duplicate');
    expect(await effects(t, 'twice')).toBe(1);
  });

  it('runs a recurring job on its schedule, each run once', async () => {
    await waitFor(async () => (await effects(t, 'recurring')) >= 2, 15000, 'two scheduled runs');
    const rows: { job_id: string }[] = await t.app.get(DataSource).query(`SELECT job_id FROM probe_effect WHERE note = 'recurring'`);
    expect(new Set(rows.map((r) => r.job_id)).size).toBe(rows.length);
  });

  it('refuses to enqueue outside a transaction', async () => {
    await expect(t.app.get(JobQueue).enqueue(t.app.get(DataSource).manager, { name: 'probe', payload: {} })).rejects.toThrow(/transaction/);
  });
});

/**
 * The hops from a commit to its job are wake-ups, not polls: the relay is woken by the enqueuing
 * transaction's NOTIFY, the worker by the backend's (PostgreSQL: NOTIFY from `add_job`; Redis: the
 * blocking pop on the marker). With the relay's fallback sweep at a minute and BullMQ's idle wait
 * at 5 s, each job below must run within a second of its commit, one after the other, so that each
 * finds both relay and worker idle and waiting: a lost wake-up at either hop shows as a wait of seconds.
 */
describe(`job queue on the ${backend} backend, woken at commit`, () => {
  const POLL_MS = 60000;
  const WITHIN_MS = 1000;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('queue_wakeup', { extraProviders: [ProbeHandler], env: { OUTBOX_POLL_MS: String(POLL_MS) } });
    await createTableForApp(t.databaseUrl, 'probe_effect', 'job_id text, note text');
    // Past the start-up sweeps: from here only a wake-up can move a job.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
  afterAll(() => t.close());

  it(`runs each job within ${WITHIN_MS} ms of its commit while the fallback sweep is ${POLL_MS / 1000} s away`, async () => {
    const took: number[] = [];
    for (let i = 0; i < 5; i++) {
      const note = `woken-${i}`;
      const committed = Date.now();
      await enqueueProbe(t, note);
      await waitFor(async () => (await effects(t, note)) === 1, 15000, `probe job ${i}`);
      took.push(Date.now() - committed);
    }
    expect(took.filter((ms) => ms >= WITHIN_MS)).toEqual([]);
  });
});

/** A TCP proxy in front of Redis that the test can cut and restore, to play an outage. */
class CuttableProxy {
  private server?: Server;
  private sockets = new Set<Socket>();
  constructor(private readonly target: URL, readonly port: number) {}
  static async open(target: URL): Promise<CuttableProxy> {
    const probe = createServer();
    const port = await new Promise<number>((ok) => probe.listen(0, '127.0.0.1', () => ok((probe.address() as { port: number }).port)));
    await new Promise((ok) => probe.close(ok));
    const proxy = new CuttableProxy(target, port);
    await proxy.restore();
    return proxy;
  }
  restore(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket().connect(Number(this.target.port || 6379), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    return new Promise((ok) => this.server!.listen(this.port, '127.0.0.1', () => ok()));
  }
  async cut(): Promise<void> {
    await new Promise((ok) => {
      this.server?.close(ok);
      for (const s of this.sockets) s.destroy();
    });
  }
}

(process.env.REDIS_URL ? describe : describe.skip)('job queue while Redis is unreachable', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  beforeAll(async () => {
    proxy = await CuttableProxy.open(new URL(process.env.REDIS_URL!));
    t = await startTestApp('queue_outage', { extraProviders: [ProbeHandler], env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
    await createTableForApp(t.databaseUrl, 'probe_effect', 'job_id text, note text');
  });
  afterAll(async () => {
    await t.close();
    await proxy.cut();
  });

  it('keeps a job accepted during the outage in the outbox and delivers it once Redis is back', async () => {
    await proxy.cut();
    await enqueueProbe(t, 'during-outage');
    const dataSource = t.app.get(DataSource);
    await waitFor(async () => {
      const [row] = await dataSource.query(`SELECT attempts, dispatched_at FROM outbox WHERE payload->>'note' = 'during-outage'`);
      return row.attempts >= 1 && row.dispatched_at === null;
    }, 20000, 'a failed dispatch attempt');
    expect(await effects(t, 'during-outage')).toBe(0);
    await proxy.restore();
    await waitFor(async () => (await effects(t, 'during-outage')) === 1, 30000, 'delivery after the outage');
    expect(await effects(t, 'during-outage')).toBe(1);
  }, 90000);
});
