import { BaseCommand } from '@kp/commands';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** One page of the reader's notices, with the filters the reader chose. */
export class ListMyNotificationsCommand extends BaseCommand {
  static override readonly noun = 'query';
  @IsInt() @Min(1) @Max(100) limit!: number;
  /** `nextCursor` of the previous page; one this API did not give out is refused as bad-cursor by the use case. */
  @IsOptional() @IsString() cursor?: string;
  /** Only notices this reader has not read. */
  @IsOptional() @IsBoolean() unread?: boolean;
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{0,62}$/) kind?: string;
  @IsOptional() @Matches(/^EK-\d{4}-\d{6}$/) caseNumber?: string;
}
