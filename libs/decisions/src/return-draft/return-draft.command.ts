import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A legal approver sends a pending draft back to the caseworker, saying why. */
export class ReturnDraftCommand extends BaseCommand {
  /** Not @IsUUID: an id that is no uuid names no draft, answered as not found. */
  @IsString() @IsNotEmpty() draftId!: string;
  /** The case's version the approver acted on (If-Match). */
  @ExpectedVersion() expectedVersion?: number;
  @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}
