import { Actor, CurrentActor } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { ListMyNotifications, ListMyNotificationsCommand, MarkNotificationRead, MarkNotificationReadCommand } from '@kp/notifications';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationDto, NotificationPageDto } from './dto/notification-view.dto';

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
  @ApiOperation({
    operationId: 'listMyNotifications',
    summary: 'Your notifications, newest first (cursor-paginated)',
    description: 'Anyone signed in: those to you, and those to your role within your organisation or region; filter by unread, kind or case.',
  })
  @ApiOkResponse({ type: NotificationPageDto, description: 'One page of your notifications' })
  @ApiProblems(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.listMine.execute(actor, ListMyNotificationsCommand.create({ limit: query.limit, cursor: query.cursor, unread: query.unread, kind: query.kind, caseNumber: query.case }));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markNotificationRead',
    summary: 'Mark a notification read',
    description: 'Anyone it reached; one sent to your role is marked read for you only. Repeating it is harmless.',
  })
  @ApiOkResponse({ type: NotificationDto, description: 'The notification, with readAt' })
  @ApiProblems(401, 404)
  read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationDto> {
    return this.markRead.execute(actor, MarkNotificationReadCommand.create({ notificationId: id }));
  }
}
