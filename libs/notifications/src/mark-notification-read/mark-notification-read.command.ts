import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** Mark one notice read for this reader. */
export class MarkNotificationReadCommand extends BaseCommand {
  /** Not @IsUUID: an id that is no uuid names no notice, and is answered as not found, like one that does not exist. */
  @IsString() @IsNotEmpty() notificationId!: string;
}
