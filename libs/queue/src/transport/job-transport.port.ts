/** One outbox row on its way to the queue backend. */
export interface OutgoingJob {
  jobId: string;
  name: string;
  payload: Record<string, unknown>;
  delayMs: number;
}

/** Hands jobs to the queue backend; the outbox id is the job id, so a re-sent job is deduplicated. */
export abstract class JobTransport {
  abstract send(jobId: string, name: string, payload: Record<string, unknown>, delayMs: number): Promise<void>;
  /** Several jobs in one round trip to the backend; all or none are accepted. */
  abstract sendMany(jobs: OutgoingJob[]): Promise<void>;
  /** Resolves when the backend answers; used by the readiness check. */
  abstract ping(): Promise<void>;
  abstract describe(): string;
  /** Jobs in the backend by state, for the metrics endpoint. */
  abstract counts(): Promise<Record<string, number>>;
}
