import { LocalisedTextSchema } from '@kp/http';
import { NotificationPage, NotificationView } from '@kp/notifications';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { unionValues } from '../../openapi/union-values';

/** OpenAPI shapes of the notifications (documentation only; the use cases return plain data). */

@ApiSchema({ name: 'Notification', description: 'A notice to you, or to everyone in your role within your organisation or region' })
export class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'A stable snake_case code to filter on', example: 'supplement_requested' }) kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'EK-2026-000123' }) caseNumber!: string | null;
  @ApiProperty({ type: LocalisedTextSchema }) title!: LocalisedTextSchema;
  @ApiProperty({ type: LocalisedTextSchema }) body!: LocalisedTextSchema;
  @ApiProperty({ enum: unionValues<NotificationView['addressedTo']>()('person', 'role'), description: 'person: to you by name; role: to everyone in your role' })
  addressedTo!: NotificationView['addressedTo'];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When you read it' }) readAt!: string | null;
  @ApiProperty() read!: boolean;
}

@ApiSchema({ name: 'NotificationPage', description: 'One page of your notifications, newest first' })
export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}
