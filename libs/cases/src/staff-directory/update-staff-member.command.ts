import { BaseCommand } from '@kp/commands';
import { FieldError } from '@kp/errors';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NOTICE_LANGUAGES, NoticeLanguage } from '../domain/records';

/**
 * An admin's edit of one directory entry. `email: null` gives the address back to the token's
 * `email` claim; an address set here stays until cleared. Role, organisation and region come from
 * the token at each sign-in and are not edited here.
 */
export class UpdateStaffMemberCommand extends BaseCommand {
  static override readonly noun = 'staff member';
  @IsString() @IsNotEmpty() @MaxLength(255) sub!: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsEmail() @MaxLength(254) email?: string | null;
  @IsOptional() @IsIn(NOTICE_LANGUAGES) language?: NoticeLanguage;
  @IsOptional() @IsBoolean() active?: boolean;

  protected override problems(): FieldError[] {
    if (this.email === undefined && this.language === undefined && this.active === undefined) {
      return [{ field: 'email', messages: ['give at least one of email, language or active'], rule: 'staff-change-empty' }];
    }
    return [];
  }
}
