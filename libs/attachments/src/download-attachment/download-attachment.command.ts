import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DownloadAttachmentCommand extends BaseCommand {
  static override readonly noun = 'request';
  @IsString() @IsNotEmpty() @MaxLength(64) attachmentId!: string;
}
