import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The applicant's comments on the draft grounds of a refusal (forvaltningsloven § 19). */
export class AnswerHearingCommand extends BaseCommand {
  /** Not @IsUUID: an id that is no uuid names no hearing, answered as not found. */
  @IsString() @IsNotEmpty() hearingId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @IsString() @IsNotEmpty() @MaxLength(20000) answer!: string;
}
