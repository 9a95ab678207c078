import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The controller maintains its decision on a collaborative part after reconsidering it on appeal. */
export class ControllerMaintainCommand extends BaseCommand {
  static override readonly noun = 'appeal';
  /** Not @IsUUID: an id that is no uuid names no appeal, answered as not found. */
  @IsString() @IsNotEmpty() @MaxLength(64) appealId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** Why the controller maintains its decision, for the contact point's statement to the appeal body. */
  @IsString() @IsNotEmpty() @MaxLength(20000) statement!: string;
}
