import { BaseCommand } from '@kp/commands';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** One page of the public register of decisions, newest first. */
export class PublicDecisionsCommand extends BaseCommand {
  static override readonly noun = 'query';
  @IsInt() @Min(1) @Max(100) limit!: number;
  /** `nextCursor` of the previous page; one this API did not give out is refused as bad-cursor by the use case. */
  @IsOptional() @IsString() cursor?: string;
}
