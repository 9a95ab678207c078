import { Injectable, OnModuleDestroy } from '@nestjs/common';

/**
 * How long the urgent lane must have been idle before a background job starts: long enough to let
 * the next job of a burst (a submit's screening, dispatched right after its commit) begin first.
 */
export const URGENT_QUIET_MS = 100;

/**
 * The urgent jobs running in this process, so that background jobs can wait for a pause in them.
 * Only this process: a worker process of its own yields to its own urgent jobs, not to another's.
 */
@Injectable()
export class UrgentLane implements OnModuleDestroy {
  private active = 0;
  private idleSince = Date.now();
  private readonly changes = new Set<() => void>();
  private closing = false;

  started(): void {
    this.active++;
  }

  ended(): void {
    this.active--;
    if (this.active === 0) this.idleSince = Date.now();
    this.notify();
  }

  /**
   * Resolves once no urgent job has run for `quietMs`, or after `maxWaitMs` at the latest (a steady
   * stream of urgent work delays background work but never starves it), or at shutdown.
   */
  async pause(quietMs: number, maxWaitMs: number): Promise<void> {
    const until = Date.now() + maxWaitMs;
    for (;;) {
      const now = Date.now();
      if (this.closing || now >= until) return;
      if (this.active === 0 && now - this.idleSince >= quietMs) return;
      const wait = this.active === 0 ? Math.min(quietMs - (now - this.idleSince), until - now) : until - now;
      await this.changeOrTimeout(wait);
    }
  }

  /** Shutdown closes the workers, which wait for their jobs: do not keep one waiting here. */
  onModuleDestroy(): void {
    this.closing = true;
    this.notify();
  }

  private notify(): void {
    for (const wake of [...this.changes]) wake();
  }

  private changeOrTimeout(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.changes.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.changes.add(wake);
    });
  }
}
