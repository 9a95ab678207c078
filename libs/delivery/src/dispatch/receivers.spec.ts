import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDropReceiver } from './file-drop-receiver';
import { signBody } from './webhook-receiver';

describe('order receivers', () => {
  const message = { type: 'delivery_order' as const, messageId: 'delivery-0b0f6c1e-6d1c-4f5e-9a51-3d8e3f1a2b3c', order: { id: '0b0f6c1e-6d1c-4f5e-9a51-3d8e3f1a2b3c' } };

  it('signs a webhook body with HMAC-SHA256 under the shared secret, as the holder verifies it', () => {
    const body = JSON.stringify(message);
    expect(signBody(body, 'secret')).toBe(`sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`);
    expect(signBody(`${body} `, 'secret')).not.toBe(signBody(body, 'secret'));
  });

  it('drops each order as one whole JSON file named by its message id, the same message replacing itself', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kp-drop-')), 'orders');
    const receiver = new FileDropReceiver(dir);
    await receiver.send(message);
    await receiver.send(message);
    expect(readdirSync(dir)).toEqual([`${message.messageId}.json`]);
    expect(JSON.parse(readFileSync(join(dir, `${message.messageId}.json`), 'utf8'))).toEqual(message);
  });
});
