import { APP_CONFIG, AppConfig } from '@kp/config';
import { JobTransport } from '@kp/queue';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** The file in DATA_DIR the worker rewrites while it is healthy. */
export const HEARTBEAT_FILE = 'worker-heartbeat.json';
export const HEARTBEAT_EVERY_MS = 10_000;
/** Older than this (three beats missed), the health command reports the worker unhealthy. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_EVERY_MS;

interface Beat {
  at: string;
  pid: number;
}

/**
 * The worker's container health check: a process that is alive but can reach neither the database
 * nor the queue does no work, so "the PID exists" is not health. Every beat checks both and only
 * then rewrites the file (atomically); `node dist/apps/worker/main.js health` reads it.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer?: NodeJS.Timeout;
  private readonly file: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: JobTransport,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.file = join(config.dataDir, HEARTBEAT_FILE);
  }

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await rm(this.file, { force: true }).catch(() => undefined);
  }

  async beat(): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      await this.transport.ping();
      const beat: Beat = { at: new Date().toISOString(), pid: process.pid };
      await writeFile(`${this.file}.tmp`, JSON.stringify(beat));
      await rename(`${this.file}.tmp`, this.file);
    } catch (error) {
      this.logger.warn(`heartbeat skipped, the worker cannot work: ${String(error)}`);
    }
  }
}

/** The health command's check: undefined when healthy, else why not. */
export async function checkWorkerHeartbeat(dataDir: string, now: Date = new Date()): Promise<string | undefined> {
  const file = join(dataDir, HEARTBEAT_FILE);
  let beat: Beat;
  try {
    beat = JSON.parse(await readFile(file, 'utf8')) as Beat;
  } catch (error) {
    return `no worker heartbeat in ${file}: ${(error as Error).message}`;
  }
  const age = now.getTime() - Date.parse(beat.at);
  if (!Number.isFinite(age)) return `the worker heartbeat in ${file} has no valid time`;
  if (age > HEARTBEAT_STALE_MS) return `the worker's last heartbeat was ${Math.round(age / 1000)} s ago (limit ${HEARTBEAT_STALE_MS / 1000} s): it cannot reach the database or the queue, or it hangs`;
  return undefined;
}
