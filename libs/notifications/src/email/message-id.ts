import { createHash } from 'node:crypto';

/**
 * The Message-ID of a notice's e-mail to one person: derived from the notice id and the recipient
 * only, so every retry carries the same one and a mail client can recognise a resent message.
 */
export function noticeMessageId(notificationId: string, recipientSub: string, fromAddress: string): string {
  const recipient = createHash('sha256').update(recipientSub).digest('hex').slice(0, 16);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return `<${notificationId}.${recipient}@${domain}>`;
}
