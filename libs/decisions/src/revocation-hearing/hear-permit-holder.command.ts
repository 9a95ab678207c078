import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** EHDS art. 63: the holder of a permit has at most four weeks to answer before it is revoked. */
export const MAX_REVOCATION_HEARING_DAYS = 28;

/**
 * Before revoking a permit the access body hears its holder on the grounds (EHDS art. 63 from 2029;
 * forvaltningsloven § 19 now), with a deadline of at most four weeks.
 */
export class HearPermitHolderCommand extends BaseCommand {
  static override readonly noun = 'hearing';
  /** Not @IsUUID: an id that is no uuid names no permit, answered as not found. */
  @IsString() @IsNotEmpty() permitId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** The facts and grounds the revocation would rest on, as the holder is to read them. */
  @IsString() @IsNotEmpty() @MaxLength(20000) grounds!: string;
  /** Days to answer; default and maximum four weeks (EHDS art. 63). */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_REVOCATION_HEARING_DAYS) answerDays?: number;
}
