import { ROLES, Role } from '@kp/auth';
import { BaseCommand } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NOTICE_LANGUAGES, NoticeLanguage } from '../domain/records';

/** Staff roles: a researcher is an applicant, never in the directory ahead of their first application. */
export const STAFF_ROLES = ROLES.filter((role): role is Exclude<Role, 'researcher'> => role !== 'researcher');

/**
 * A person an admin adds before their first sign-in. The address is how the first sign-in finds
 * the entry (its `email` claim), so it is required; an advisor belongs to a region and a controller
 * to an organisation, as their tokens will say, so notices to that region or organisation reach them.
 */
export class AddStaffMemberCommand extends BaseCommand {
  static override readonly noun = 'staff member';
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsEmail() @MaxLength(254) email!: string;
  @IsIn(STAFF_ROLES) role!: string;
  @IsOptional() @Matches(/^\d{8}$/, { message: 'must be an 8-digit CVR number', context: { rule: 'cvr-format' } }) organisation?: string;
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'must be a region slug such as region-midtjylland', context: { rule: 'region-slug' } }) region?: string;
  @IsOptional() @IsIn(NOTICE_LANGUAGES) language: NoticeLanguage = 'da';
  @IsOptional() @IsBoolean() active: boolean = true;

  protected override problems(): FieldError[] {
    if (this.role === 'advisor' && !this.region) return [{ field: 'region', messages: ['an advisor belongs to a region'], rule: 'required-for-role', args: { role: this.role } }];
    if (this.role === 'controller' && !this.organisation) return [{ field: 'organisation', messages: ['a controller belongs to an organisation (CVR)'], rule: 'required-for-role', args: { role: this.role } }];
    return [];
  }
}
