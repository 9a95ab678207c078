import { Actor } from '@kp/auth';
import { StaffRepository } from '@kp/cases';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notificationView, NotificationView } from '../domain/notification.view';
import { NotificationRepository } from '../infrastructure/notification.repository';
import { ListMyNotificationsCommand } from './list-my-notifications.command';

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

/**
 * The reader's notices, newest first: those addressed to them and those to their role (within their
 * organisation or region when the notice is scoped; not once an admin marked them inactive). The query itself is the access check — it only
 * ever selects notices addressed to this actor.
 */
@Injectable()
export class ListMyNotifications {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly staff: StaffRepository,
  ) {}

  async execute(actor: Actor, { limit, cursor, unread, kind, caseNumber }: ListMyNotificationsCommand): Promise<NotificationPage> {
    // Someone an admin marked inactive in the staff directory is no longer reached by notices to their role.
    const personalOnly = (await this.staff.find(this.db.manager, actor.sub))?.active === false;
    const rows = await this.notifications.listAddressedTo(
      this.db.manager,
      actor,
      { unread, kind, caseNumber, personalOnly },
      limit + 1,
      decodeKeysetCursor(cursor),
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ position: _, ...n }) => notificationView(n)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.id }) : null,
    };
  }
}
