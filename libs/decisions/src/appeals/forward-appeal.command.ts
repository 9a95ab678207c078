import { BaseCommand, ExpectedVersion } from '@kp/commands';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The authority maintains its decision and forwards the appeal, with its statement, to the appeal body. */
export class ForwardAppealCommand extends BaseCommand {
  static override readonly noun = 'appeal';
  /** Not @IsUUID: an id that is no uuid names no appeal, answered as not found. */
  @IsString() @IsNotEmpty() appealId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** Why the authority maintains its decision after reconsidering it, for the appeal body and the appellant. */
  @IsString() @IsNotEmpty() @MaxLength(20000) statement!: string;
}
