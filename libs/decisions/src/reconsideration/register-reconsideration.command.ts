import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { RECONSIDERATION_KINDS, ReconsiderationKind } from '../infrastructure/reconsideration.repository';

/**
 * An appeal against a decision (klage), or a request to reopen a decided case (genoptagelse), as it
 * reached the authority: when, from whom, on what grounds. Staff register it, whatever way it came.
 */
export class RegisterReconsiderationCommand extends BaseCommand {
  static override readonly noun = 'appeal';
  @IsIn(RECONSIDERATION_KINDS) kind!: ReconsiderationKind;
  @CaseReference() caseId!: string;
  /** Not @IsUUID: an id that is no uuid names no decision of the case, answered as not found. */
  @IsString() @IsNotEmpty() @MaxLength(64) decisionId!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } }) receivedOn!: string;
  @IsString() @IsNotEmpty() @MaxLength(500) from!: string;
  @IsString() @IsNotEmpty() @MaxLength(20000) grounds!: string;
  @ExpectedVersion() expectedVersion?: number;
}
