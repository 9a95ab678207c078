import cluster, { Worker } from 'node:cluster';
import type { Logger as Pino } from 'pino';

/**
 * `API_PROCESSES` > 1: this process (the cluster's primary) serves nothing itself; it forks `count`
 * API processes that share the one port (Node's cluster module hands each new connection to one of
 * them). They are forked one after the other, each once the one before listens, so first-start
 * files in DATA_DIR (the local issuer's key, the audit signing key) are written by one process
 * only. A process that dies after it listened is replaced; one that dies before (a refused start)
 * stops them all, as a single process would have stopped. SIGTERM and SIGINT go on to every
 * process, and this one exits when they all have. Migrations are not this process's: the launcher's
 * migrate step ran them once before it started (scripts/start.mjs).
 */
export function superviseApiProcesses(count: number, log: Pino): Promise<void> {
  let stopping = false;
  const listening = new Set<Worker>();
  /** Forked and not yet exited (kept here rather than read from cluster.workers, whose removal order around 'exit' is Node's). */
  const live = new Set<Worker>();
  return new Promise((done) => {
    const forkOne = (): void => {
      // The primary already heard the launcher's "migrated": the processes it forks do not wait for it.
      const worker = cluster.fork({ KP_AWAIT_LAUNCHER: 'false' });
      live.add(worker);
      worker.once('listening', () => {
        listening.add(worker);
        log.info({ workerPid: worker.process.pid, processes: listening.size, of: count }, `API process ${listening.size} of ${count} listening`);
        if (!stopping && live.size < count) forkOne();
      });
      worker.once('exit', (code, signal) => {
        const wasListening = listening.delete(worker);
        live.delete(worker);
        if (stopping) {
          if (live.size === 0) done();
          return;
        }
        if (!wasListening) {
          log.fatal({ workerPid: worker.process.pid, code, signal }, 'an API process stopped before it listened: stopping the others');
          process.exitCode = code || 1;
          stop('SIGTERM');
          return;
        }
        log.error({ workerPid: worker.process.pid, code, signal }, 'an API process died: starting another');
        forkOne();
      });
    };
    const stop = (signal: NodeJS.Signals): void => {
      stopping = true;
      if (live.size === 0) return done();
      for (const worker of live) worker.process.kill(signal);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    forkOne();
  });
}
