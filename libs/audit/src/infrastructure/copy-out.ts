import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * `COPY … TO STDOUT` on a pg client (pg-copy-streams), handing each chunk's bytes to `onData` as
 * they arrive. `onData` returning false pauses the stream until `resume()`, so a slow consumer is
 * not buried in rows. An error thrown by `onData` does not stop the COPY: it is read to its end, so
 * the connection stays usable, and then `done` rejects with that error.
 */
export class CopyOut {
  private failed: Error | undefined;
  readonly done: Promise<void>;

  private constructor(
    private readonly stream: NodeJS.ReadableStream,
    onData: (chunk: Buffer) => boolean,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        if (this.failed) return;
        try {
          if (!onData(chunk)) stream.pause();
        } catch (error) {
          this.failed = error as Error;
          stream.resume();
        }
      });
      stream.on('error', (error: Error) => reject(this.failed ?? error));
      stream.on('end', () => (this.failed ? reject(this.failed) : resolve()));
    });
  }

  /** Runs the COPY on `client` (within its current transaction, if any) until PostgreSQL is done. */
  static run(client: Client, text: string, onData: (chunk: Buffer) => boolean): { copy: CopyOut; done: Promise<void> } {
    const copy = new CopyOut(client.query(copyTo(text)), onData);
    return { copy, done: copy.done };
  }

  resume(): void {
    this.stream.resume();
  }
}
