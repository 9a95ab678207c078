import { Actor, CurrentActor } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { ListMyNotifications, ListMyNotificationsCommand, MarkNotificationRead, MarkNotificationReadCommand, NotificationPage, NotificationView } from '@kp/notifications';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationQueryDto } from './dto/notification-query.dto';

/** Any authenticated actor reads the notices addressed to them or to their role. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/notifications')
export class NotificationsController {
  constructor(
    private readonly listMine: ListMyNotifications,
    private readonly markRead: MarkNotificationRead,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first (cursor-paginated): to you, or to your role within your organisation/region' })
  @ApiOkResponse({ description: '{ items: [{ id, kind, caseId, caseNumber, title{da,en}, body{da,en}, addressedTo, createdAt, readAt, read }], nextCursor }' })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<NotificationPage> {
    return this.listMine.execute(actor, ListMyNotificationsCommand.create({ limit: query.limit, cursor: query.cursor, unread: query.unread, kind: query.kind, caseNumber: query.case }));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (for you only, when it was sent to your role); repeating it is harmless' })
  @ApiOkResponse({ description: 'The notification, with readAt' })
  @ApiProblems(401, 404)
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationView> {
    return this.markRead.execute(actor, MarkNotificationReadCommand.create({ notificationId: id }));
  }
}
