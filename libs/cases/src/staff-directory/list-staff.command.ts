import { ROLES, Role } from '@kp/auth';
import { BaseCommand } from '@kp/commands';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** One page of the staff directory, optionally one role or only the (in)active. */
export class ListStaffCommand extends BaseCommand {
  static override readonly noun = 'query';
  @IsInt() @Min(1) @Max(100) limit!: number;
  @IsOptional() @IsString() cursor?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsBoolean() active?: boolean;
}
