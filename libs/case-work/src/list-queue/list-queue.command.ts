import { CASE_STATES, CaseState, QueueFilter, Track } from '@kp/cases';
import { BaseCommand } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageSize } from '../command-fields';

export const MAX_QUEUE_PAGE = 100;
export const QUEUE_TRACKS = ['central', 'collaborative'] as const satisfies readonly Track[];

/** One page of a work queue, with the filters of the queue view. */
export class ListQueueCommand extends BaseCommand implements QueueFilter {
  /** Any text: a queue that does not exist is refused by the use case as not there, not as bad input. */
  @IsString() queue!: string;
  /** Cases with an open sub-case on this track. */
  @IsOptional() @IsIn(QUEUE_TRACKS) track?: Track;
  /** Cases with a sub-case for this data source, e.g. lpr. */
  @IsOptional() @Matches(/^[a-z0-9-]{1,100}$/) dataSource?: string;
  @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  /** Subject of the assignee, or "unassigned". */
  @IsOptional() @IsString() @MaxLength(200) assignee?: string;
  @IsOptional() @IsDate() dueBefore?: Date;
  @IsOptional() @IsBoolean() atRisk?: boolean;
  @IsOptional() @IsBoolean() overdue?: boolean;
  @PageSize(MAX_QUEUE_PAGE) limit: number = 20;
  /** nextCursor of the previous page. */
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;

  static override refusal(errors: FieldError[]): string {
    return errors.length === 1 && errors[0].field === 'limit' ? `limit must be 1–${MAX_QUEUE_PAGE}.` : super.refusal(errors);
  }
}
