import { BaseCommand, PageCursor, PageLimit } from '@kp/commands';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_STATES, CaseState } from '../domain/states';

/** What staff search cases by; every criterion given must hold (issue 16). */
export class SearchCasesCommand extends BaseCommand {
  static override readonly noun = 'search';
  @PageLimit(100) limit!: number;
  @PageCursor() cursor?: string;
  /** Words of the title or the purpose (full text, each word as a prefix). */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @Matches(/^EK-\d{4}-\d{6}$/, { message: 'number must be a case number such as EK-2027-000123', context: { rule: 'case-number' } }) number?: string;
  /** Words of the applicant organisation's or person's name. */
  @IsOptional() @IsString() @MaxLength(200) applicant?: string;
  @IsOptional() @Matches(/^\d{8}$/, { message: 'cvr must be an 8-digit CVR number', context: { rule: 'cvr-format' } }) cvr?: string;
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'dataSource must be a data source id such as lpr', context: { rule: 'data-source-id' } }) dataSource?: string;
  @IsOptional() @IsIn(CASE_STATES) state?: CaseState;
  /** Received on or after this day (Danish time). */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedFrom must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } }) receivedFrom?: string;
  /** Received on or before this day (Danish time). */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedTo must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } }) receivedTo?: string;
}
