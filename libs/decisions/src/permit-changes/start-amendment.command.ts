import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** Draft an amendment of a running permit: a copy of what the permit rests on, to change and submit like an application. */
export class StartAmendmentCommand extends BaseCommand {
  static override readonly noun = 'amendment';
  /** Not @IsUUID: an id that is no uuid names no permit, answered as not found. */
  @IsString() @IsNotEmpty() permitId!: string;
}
