import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Revoke an active permit with reasons, after hearing its holder (EHDS art. 63; forvaltningsloven § 19). */
export class RevokePermitCommand extends BaseCommand {
  static override readonly noun = 'revocation';
  /** Not @IsUUID: an id that is no uuid names no permit, answered as not found. */
  @IsString() @IsNotEmpty() permitId!: string;
  /** The case's version the approver acted on (If-Match). */
  @ExpectedVersion() expectedVersion?: number;
  @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
  /**
   * A revocation without a hearing of the holder: why the matter cannot wait for one (forvaltningsloven
   * § 19, stk. 2 — e.g. the delay would defeat the revocation's purpose while data are misused).
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) urgencyReason?: string;
}
