import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Extend the decision limit (EHDS art. 68(4)). Only the shape is checked here: whether the months
 * and the reason are allowed is the statutory clock's judgement (the cap depends on the extensions
 * already stored), refused by the use case as `clock-extension-refused` naming the field.
 */
export class ExtendClockCommand extends BaseCommand {
  static override readonly noun = 'extension';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** Whole months added to the decision limit. */
  @IsInt() months!: number;
  /** Required by EHDS art. 68(4); checked by the clock, so an empty one is refused with the field named. */
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
