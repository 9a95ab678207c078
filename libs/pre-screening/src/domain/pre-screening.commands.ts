import { ApplicationReference, BaseCommand, Text } from '@kp/commands';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const REGION_SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** The applicant shares the draft with one region's data-support centre for comments before submitting. */
export class ShareDraftCommand extends BaseCommand {
  static override readonly noun = 'share';
  @ApplicationReference() applicationId!: string;
  @Matches(REGION_SLUG, { message: 'must be a region slug such as region-midtjylland', context: { rule: 'region-slug' } }) region!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(4000) message?: string;
}

/** An advisor of a region the draft is shared with comments on it. */
export class CommentDraftCommand extends BaseCommand {
  static override readonly noun = 'comment';
  @ApplicationReference() applicationId!: string;
  // Stored trimmed: whitespace alone (any Unicode space) is no comment.
  @Text(20000, 'must be the comment, not blank, of at most 20000 characters') text!: string;
}

export class PreScreeningCommand extends BaseCommand {
  @ApplicationReference() applicationId!: string;
}
