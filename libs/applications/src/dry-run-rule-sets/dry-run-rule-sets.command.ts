import { BaseCommand } from '@kp/commands';
import { isLawDate } from '@kp/rules';
import { FieldError } from '@kp/errors';
import { IsOptional, IsString } from 'class-validator';

/** Which date's law the dry run applies: absent, today's (so a caseworker can look at 26 March 2029 ahead of time). */
export class DryRunRuleSetsCommand extends BaseCommand {
  static override readonly noun = 'dry run';
  @IsOptional() @IsString() lawDate?: string;

  protected override problems(): FieldError[] {
    return this.lawDate !== undefined && !isLawDate(this.lawDate) ? [{ field: 'lawDate', messages: ['must be a calendar date YYYY-MM-DD'], rule: 'calendar-date' }] : [];
  }
}
