import { BaseCommand } from '@kp/commands';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ATTACHMENT_KINDS, AttachmentKind } from '../domain/attachment-kinds';

/**
 * Attach a document to a draft application (`applicationId`) or to a case (`caseId`), one of the
 * two. The bytes travel beside the command, not in it: they are checked by the use case.
 */
export class AttachDocumentCommand extends BaseCommand {
  static override readonly noun = 'attachment';
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) applicationId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) caseId?: string;
  @IsIn(ATTACHMENT_KINDS, { message: `must be one of ${ATTACHMENT_KINDS.join(', ')}` }) kind!: AttachmentKind;
  /** The name the file had on the sender's machine; only shown, never trusted for its type. */
  @IsString() @MaxLength(1000) filename!: string;
}
