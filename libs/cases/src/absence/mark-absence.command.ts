import { BaseCommand } from '@kp/commands';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Marks a caseworker or legal approver absent (optionally until a day), or present again. */
export class MarkAbsenceCommand extends BaseCommand {
  static override readonly noun = 'absence';
  @IsString() @IsNotEmpty() @MaxLength(200) sub!: string;
  @IsBoolean() absent!: boolean;
  /** The last day away, when known (Danish calendar). */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } }) until?: string;
}
