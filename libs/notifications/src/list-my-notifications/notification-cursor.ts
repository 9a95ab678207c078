import { DomainProblem } from '@kp/http';
import { NotificationPosition } from '../infrastructure/notification.repository';

const POSITION = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque cursor: the position of the last notice of a page. */
export function encodeNotificationCursor(position: NotificationPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeNotificationCursor(cursor: string | undefined): NotificationPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && POSITION.test(createdAt) && UUID.test(id)) return { createdAt, id };
  } catch {
    /* answered by the problem below */
  }
  throw new DomainProblem(400, 'bad-cursor', 'cursor is not one this API gave out; start again without it.');
}
