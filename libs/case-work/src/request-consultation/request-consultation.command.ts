import { BaseCommand, CaseReference, ExpectedVersion } from '@kp/commands';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { DateTime, Text } from '../command-fields';

export const REGION_SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;
export const MAX_QUESTION_LENGTH = 10000;

/**
 * Ask a regional advisor a question with a deadline. That the deadline lies in the future is
 * checked by the use case, which has the business clock.
 */
export class RequestConsultationCommand extends BaseCommand {
  static override readonly noun = 'consultation';
  @CaseReference() caseId!: string;
  @ExpectedVersion() expectedVersion?: number;
  @Matches(REGION_SLUG, { message: 'must be a region slug such as region-midtjylland', context: { rule: 'region-slug' } }) advisorRegion!: string;
  /** The sub-case the question is about, if one. */
  @IsOptional() @IsUUID(undefined, { message: 'must be the id of a sub-case of this case', context: { rule: 'sub-case-of-case' } }) subCaseId?: string;
  @Text(MAX_QUESTION_LENGTH, `must be a question of at most ${MAX_QUESTION_LENGTH} characters`) question!: string;
  /** ISO 8601 date-time, in the future. */
  @DateTime('must be an ISO 8601 date-time') deadline!: string;
}
