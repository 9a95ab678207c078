import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * Partshøring (forvaltningsloven § 19): the caseworker sends the applicant the draft grounds of a
 * refusal of one part, with a deadline to comment.
 */
export class HearPartyCommand extends BaseCommand {
  @CaseReference() caseId!: string;
  /** Not @IsUUID: a sub-case that is no uuid is not part of the case, answered as not found. */
  @IsString() @IsNotEmpty() subCaseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  /** The facts and grounds the refusal would rest on, as the applicant is to read them. */
  @IsString() @IsNotEmpty() @MaxLength(20000) draftGrounds!: string;
  /** Days to answer; default the configured hearing period (`HEARING_DAYS`, two weeks). */
  @IsOptional() @IsInt() @Min(1) @Max(90) answerDays?: number;
}
