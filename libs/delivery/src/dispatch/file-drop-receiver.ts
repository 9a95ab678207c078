import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OrderMessage, OrderReceiver } from './order-receiver.port';

/**
 * Writes each order as `<messageId>.json` into the directory the holder's file transfer collects
 * from. Written under a temporary name and renamed, so the holder never picks up half a file; the
 * same message written again replaces itself.
 */
export class FileDropReceiver implements OrderReceiver {
  constructor(private readonly directory: string) {}

  async send(message: OrderMessage): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const target = join(this.directory, `${message.messageId}.json`);
    const partial = `${target}.partial`;
    await writeFile(partial, JSON.stringify(message, null, 2), { mode: 0o640 });
    await rename(partial, target);
  }
}
