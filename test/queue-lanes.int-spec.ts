import { JobContext, JobHandler, JobHandlerRegistry, JobLane, JobQueue, JobRunner, KP_BACKGROUND_QUEUE, KP_QUEUE } from '@kp/queue';
import { JOURNALISE_CASE_JOB } from '@kp/records';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { startTestApp, TestApp } from './support/app';
import { createTableForApp } from './support/app-role';
import { bearer, completeApplication, submitAndScreen } from './support/applications';
import { waitFor } from './support/wait';

const SLOW_URGENT_MS = 1500;

/** An urgent job that takes a while; records when it ended. */
@Injectable()
class SlowUrgentProbe implements JobHandler<{ note: string }>, OnModuleInit {
  readonly jobName = 'slow-urgent-probe';
  constructor(private readonly registry: JobHandlerRegistry) {}
  onModuleInit() {
    this.registry.register(this);
  }
  async handle(manager: EntityManager, { note }: { note: string }, context: JobContext) {
    await new Promise((resolve) => setTimeout(resolve, SLOW_URGENT_MS));
    await manager.query(`INSERT INTO lane_effect (job_id, note, at) VALUES ($1, $2, clock_timestamp())`, [context.jobId, `${note}:urgent-ended`]);
  }
}

/** A background job; records when it started. */
@Injectable()
class BackgroundProbe implements JobHandler<{ note: string }>, OnModuleInit {
  readonly jobName = 'background-probe';
  readonly lane: JobLane = 'background';
  constructor(private readonly registry: JobHandlerRegistry) {}
  onModuleInit() {
    this.registry.register(this);
  }
  async handle(manager: EntityManager, { note }: { note: string }, context: JobContext) {
    await manager.query(`INSERT INTO lane_effect (job_id, note, at) VALUES ($1, $2, clock_timestamp())`, [context.jobId, `${note}:background-started`]);
  }
}

/**
 * A sweep-like handler that manages its own transactions. It looks, from another connection, at
 * the backend its manager runs on: wrapped in the runner's claim transaction, that backend sits
 * "idle in transaction" with an xid while the handler works.
 */
@Injectable()
class OwnTransactionsProbe implements JobHandler<{ note: string; fail?: boolean }>, OnModuleInit {
  readonly jobName = 'own-transactions-probe';
  readonly managesOwnTransactions = true;
  constructor(private readonly registry: JobHandlerRegistry, @InjectDataSource() private readonly dataSource: DataSource) {}
  onModuleInit() {
    this.registry.register(this);
  }
  async handle(manager: EntityManager, { note, fail }: { note: string; fail?: boolean }, context: JobContext) {
    const [{ pid }] = await manager.query(`SELECT pg_backend_pid() AS pid`);
    const [seen] = await this.dataSource.query(`SELECT state, backend_xid::text AS xid FROM pg_stat_activity WHERE pid = $1`, [pid]);
    await this.dataSource.transaction((own) =>
      own.query(`INSERT INTO lane_effect (job_id, note, at, state, xid) VALUES ($1, $2, clock_timestamp(), $3, $4)`, [context.jobId, note, seen?.state ?? null, seen?.xid ?? null]),
    );
    if (fail) throw new Error('the sweep failed half-way');
  }
}

const backend = process.env.REDIS_URL ? 'Redis' : 'PostgreSQL';

describe(`job lanes on the ${backend} backend`, () => {
  let t: TestApp;
  let journalDir: string;
  let db: DataSource;
  const effects = (note: string): Promise<{ job_id: string; at: Date; state: string | null; xid: string | null }[]> =>
    db.query(`SELECT job_id, at, state, xid FROM lane_effect WHERE note = $1 ORDER BY at`, [note]);
  const queue = (name: string) => t.app.get<Queue>(getQueueToken(name));

  beforeAll(async () => {
    t = await startTestApp('queue_lanes', {
      extraProviders: [SlowUrgentProbe, BackgroundProbe, OwnTransactionsProbe],
      env: { JOURNAL_EXPORT_DIR: (journalDir = join(tmpdir(), `kp-lanes-journal-${process.pid}-${Date.now()}`)) },
    });
    await createTableForApp(t.databaseUrl, 'lane_effect', 'job_id text, note text, at timestamptz, state text, xid text');
    db = t.app.get(DataSource);
  }, 120000);
  afterAll(async () => {
    await t.close();
    rmSync(journalDir, { recursive: true, force: true });
  });

  it('runs the journal job of a submit on the background lane, and retries it there while the records system refuses it', async () => {
    // The records system refuses: where its export directory should be, there is a file.
    writeFileSync(journalDir, 'not a directory');
    const researcher = await t.token({ sub: 'r-lanes', role: 'researcher', organisation: '31119103' });
    const caseworker = await t.token({ sub: 'cw-lanes', role: 'caseworker', organisation: '33257872' });
    const { case: c } = await submitAndScreen(t, researcher, completeApplication());
    const [row] = await db.query(`SELECT id FROM outbox WHERE job_name = $1 AND payload->>'caseId' = $2`, [JOURNALISE_CASE_JOB, c.id]);
    const failed = await waitFor(async () => {
      const job = await queue(KP_BACKGROUND_QUEUE).getJob(row.id);
      return job && job.attemptsMade >= 1 ? job : undefined;
    }, 20000, 'a refused journal attempt on the background lane');
    expect(failed.failedReason).toMatch(/EEXIST|ENOTDIR|not a directory/i);
    const journal = async () => (await request(t.server).get(`/v1/cases/${c.id}/journal`).set(bearer(caseworker)).expect(200)).body;
    expect((await journal()).documents ?? []).toEqual([]);

    rmSync(journalDir, { force: true });
    const done = await waitFor(async () => ((await journal()).documents?.length >= 1 ? journal() : undefined), 30000, 'the journal after the retry');
    expect(done.documents).toEqual([expect.objectContaining({ kind: 'application', direction: 'incoming' })]);
    const job = await queue(KP_BACKGROUND_QUEUE).getJob(row.id);
    expect(job?.finishedOn).toBeTruthy();
    expect(job?.attemptsMade).toBeGreaterThanOrEqual(2);
    expect(await queue(KP_QUEUE).getJob(row.id)).toBeUndefined();
    const [claim] = await db.query(`SELECT count(*)::int AS n FROM processed_job WHERE job_id = $1`, [row.id]);
    expect(claim.n).toBe(1);
  }, 90000);

  it('starts a background job only once the urgent job committed beside it has ended', async () => {
    await db.transaction(async (manager) => {
      await t.app.get(JobQueue).enqueue(manager, { name: 'slow-urgent-probe', payload: { note: 'beside' } });
      await t.app.get(JobQueue).enqueue(manager, { name: 'background-probe', payload: { note: 'beside' } });
    });
    const [urgent] = await waitFor(async () => ((await effects('beside:urgent-ended')).length ? effects('beside:urgent-ended') : undefined), 20000, 'the urgent job');
    const [background] = await waitFor(async () => ((await effects('beside:background-started')).length ? effects('beside:background-started') : undefined), 20000, 'the background job');
    expect(background.at.getTime()).toBeGreaterThanOrEqual(urgent.at.getTime());
    expect(await queue(KP_BACKGROUND_QUEUE).getJob(background.job_id)).toBeDefined();
  }, 60000);

  it('holds no transaction open while a handler that manages its own transactions runs, and records it only once it succeeded', async () => {
    const runner = t.app.get(JobRunner);
    await expect(runner.run('own-1', 'own-transactions-probe', { note: 'own', fail: true })).rejects.toThrow('half-way');
    expect(await runner.run('own-1', 'own-transactions-probe', { note: 'own' })).toBe('processed');
    expect(await runner.run('own-1', 'own-transactions-probe', { note: 'own' })).toBe('duplicate');
    const runs = await effects('own');
    expect(runs).toHaveLength(2); // the failed run and its retry; not the duplicate
    for (const run of runs) {
      expect(run.state).not.toMatch(/idle in transaction/);
      expect(run.xid).toBeNull();
    }
  });
});
