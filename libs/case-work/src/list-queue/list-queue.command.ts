import { CASE_STATES, CaseState, QueueFilter } from '@kp/cases';
import { Track, TRACKS } from '@kp/clock';
import { BaseCommand, PageCursor, PageLimit } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const MAX_QUEUE_PAGE = 100;

/** One page of a work queue, with the filters of the queue view. */
export class ListQueueCommand extends BaseCommand implements QueueFilter {
  /** Any text: a queue that does not exist is refused by the use case as not there, not as bad input. */
  @IsString() queue!: string;
  /** Cases with an open sub-case on this track. */
  @IsOptional() @IsIn(TRACKS) track?: Track;
  /** Cases with a sub-case for this data source, e.g. lpr. */
  @IsOptional() @Matches(/^[a-z0-9-]{1,100}$/) dataSource?: string;
  @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  /** Subject of the assignee, or "unassigned". */
  @IsOptional() @IsString() @MaxLength(200) assignee?: string;
  @IsOptional() @IsDate() dueBefore?: Date;
  @IsOptional() @IsBoolean() atRisk?: boolean;
  @IsOptional() @IsBoolean() overdue?: boolean;
  @PageLimit(MAX_QUEUE_PAGE) limit!: number;
  /** nextCursor of the previous page. */
  @PageCursor() cursor?: string;

  static override refusal(errors: FieldError[]): string {
    return errors.length === 1 && errors[0].field === 'limit' ? `limit must be 1–${MAX_QUEUE_PAGE}.` : super.refusal(errors);
  }
}
