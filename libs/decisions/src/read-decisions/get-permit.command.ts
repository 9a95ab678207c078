import { BaseCommand } from '@kp/commands';
import { IsNotEmpty, IsString } from 'class-validator';

/** One permit. */
export class GetPermitCommand extends BaseCommand {
  static override readonly noun = 'query';
  /** Not @IsUUID: an id that is no uuid names no permit, answered as not found. */
  @IsString() @IsNotEmpty() permitId!: string;
}
