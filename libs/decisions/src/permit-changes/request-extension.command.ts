import { BaseCommand } from '@kp/commands';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = { strict: true, strictSeparator: true } as const;
const DATE_MESSAGE = { message: '$property must be a date as YYYY-MM-DD', context: { rule: 'calendar-date' } };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Ask for a longer project period before the permit expires: no new data, decided by the authorities that granted it. */
export class RequestExtensionCommand extends BaseCommand {
  static override readonly noun = 'extension';
  /** Not @IsUUID: an id that is no uuid names no permit, answered as not found. */
  @IsString() @IsNotEmpty() permitId!: string;
  @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) projectPeriodEnd!: string;
  /** Absent: kept at least to the new end. */
  @IsOptional() @IsISO8601(DATE, DATE_MESSAGE) @Matches(ISO_DATE, DATE_MESSAGE) retentionUntil?: string;
  @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}
