import { BaseCommand } from '@kp/commands';
import { IsInt, Max, Min } from 'class-validator';

/** Which calendar year's figures (Danish time: 1 January 00:00 to 31 December 24:00). */
export class ActivityReportCommand extends BaseCommand {
  static override readonly noun = 'report request';
  @IsInt() @Min(2020) @Max(2100) year!: number;
}
