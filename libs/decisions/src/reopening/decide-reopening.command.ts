import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The authority grants or refuses a request to reopen a decided case, with reasons (forvaltningsloven § 22). */
export class DecideReopeningCommand extends BaseCommand {
  static override readonly noun = 'reopening request';
  /** Not @IsUUID: an id that is no uuid names no request, answered as not found. */
  @IsString() @IsNotEmpty() requestId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @IsBoolean() reopen!: boolean;
  @IsString() @IsNotEmpty() @MaxLength(20000) reasons!: string;
}
