import { Track, TRACKS } from '@kp/clock';
import { BaseCommand } from '@kp/commands';
import { IsDate, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Move a data source to a track and deciding authority from an effective date (the planned transfer
 * of competence, L 182 (2024–25), proposed sundhedsloven § 48c).
 */
export class ChangeAuthorityCommand extends BaseCommand {
  static override readonly noun = 'authority change';
  @IsString() @IsNotEmpty() @MaxLength(100) dataSourceId!: string;
  @IsIn(TRACKS) track!: Track;
  @IsString() @IsNotEmpty() @MaxLength(300) decidingAuthority!: string;
  /** Defaults to now; may lie in the future (a planned move of competence), never in the past. */
  @IsOptional() @IsDate() effectiveFrom?: Date;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
