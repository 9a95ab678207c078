import type { Client, Submittable } from 'pg';

interface CopyConnection {
  query(text: string): void;
  stream: { pause(): void; resume(): void };
}

/**
 * `COPY … TO STDOUT` on a pg client, handing each CopyData message's bytes to `onData` as they
 * arrive (node-pg's query interface has no COPY OUT; this is the hook pg-copy-streams uses too).
 * The bytes are only valid during the call: copy what you keep. `onData` returning false pauses the
 * socket until `resume()`, so a slow consumer is not buried in rows.
 */
export class CopyOut implements Submittable {
  private connection: CopyConnection | undefined;
  private failed: Error | undefined;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  readonly done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(
    private readonly text: string,
    private readonly onData: (chunk: Buffer) => boolean,
  ) {}

  /** Runs the COPY on `client` (within its current transaction, if any) until PostgreSQL is done. */
  static run(client: Client, text: string, onData: (chunk: Buffer) => boolean): { copy: CopyOut; done: Promise<void> } {
    const copy = new CopyOut(text, onData);
    client.query(copy);
    return { copy, done: copy.done };
  }

  resume(): void {
    this.connection?.stream.resume();
  }

  submit(connection: unknown): void {
    this.connection = connection as CopyConnection;
    this.connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (this.failed) return;
    try {
      if (!this.onData(message.chunk)) this.connection?.stream.pause();
    } catch (error) {
      // Keep reading to the end of the COPY (the connection must reach ReadyForQuery), then fail.
      this.failed = error as Error;
    }
  }

  handleError(error: Error): void {
    this.failed ??= error;
  }

  handleReadyForQuery(): void {
    this.connection?.stream.resume();
    if (this.failed) this.settle.reject(this.failed);
    else this.settle.resolve();
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}
