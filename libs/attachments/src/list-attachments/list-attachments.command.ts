import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The attachments of a draft (`applicationId`) or of a case (`caseId`). */
export class ListAttachmentsCommand extends BaseCommand {
  static override readonly noun = 'request';
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) applicationId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) caseId?: string;
}
