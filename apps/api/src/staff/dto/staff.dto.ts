import { Role, ROLES } from '@kp/auth';
import { NOTICE_LANGUAGES, NoticeLanguage, STAFF_ROLES, StaffMemberView, StaffPage } from '@kp/cases';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

@ApiSchema({ name: 'StaffMember', description: 'A person in the staff directory: as last seen in their token, and where notices reach them' })
export class StaffMemberDto implements StaffMemberView {
  @ApiProperty({ description: 'Token subject', example: 'idp|karen.holm' }) sub!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: string;
  @ApiProperty({ type: String, nullable: true, example: '29190925' }) organisation!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'region-midtjylland' }) region!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Karen Holm' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'email', example: 'karen.holm@sundhedsdata.dk', description: 'Where notices are e-mailed; null: in the app only' })
  email!: string | null;
  @ApiProperty({ enum: ['token', 'admin'], description: 'token: the `email` claim keeps it current; admin: set by an admin, kept until cleared' })
  emailSource!: 'token' | 'admin';
  @ApiProperty({ enum: NOTICE_LANGUAGES, description: 'Language of e-mails (from the `locale` claim, default Danish)' }) language!: NoticeLanguage;
  @ApiProperty({ description: 'false: notices to the role no longer reach this person' }) active!: boolean;
  @ApiProperty({ description: 'false: added by an admin and not signed in yet; `sub` is then a directory id (`added:<uuid>`) until the first sign-in with this e-mail address takes the entry over' })
  signedIn!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The admin who added the person before their first sign-in' }) addedBy!: string | null;
  @ApiProperty({ format: 'date-time', description: 'First sign-in, or when an admin added the person' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Latest sign-in (when added, until the first)' }) lastSeenAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The admin who last edited the entry' }) updatedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt!: string | null;
  @ApiProperty({ type: () => StaffAbsenceDto, nullable: true, description: 'Marked absent (caseworkers and legal approvers): no case is assigned to them meanwhile' }) absence!: StaffAbsenceDto | null;
}

@ApiSchema({ name: 'StaffAbsence', description: 'Since when a person is away, until which day if known, and who marked it' })
export class StaffAbsenceDto {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-04-30', description: 'The last day away' }) until!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The admin, or the person themselves' }) markedBy!: string | null;
}

export class MarkAbsenceDto {
  @ApiProperty({ description: 'true: absent from now; false: present again' }) @IsBoolean() absent!: boolean;
  @ApiPropertyOptional({ example: '2027-04-30', description: 'The last day away, when known' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } })
  until?: string;
}

export class ReassignCasesDto {
  @ApiProperty({ description: 'The caseworker or legal approver who takes the open cases over', example: 'idp|karen.holm' }) @IsString() @IsNotEmpty() @MaxLength(200) to!: string;
}

class ReassignedCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2027-000123' }) number!: string;
}

class SkippedCaseDto extends ReassignedCaseDto {
  @ApiProperty({ enum: ['conflict-of-interest'], description: 'Why it stayed: the new holder declared a conflict of interest in the applicant (forvaltningsloven § 3)' }) reason!: string;
}

@ApiSchema({ name: 'Reassignment', description: 'The open cases handed on, and those left because the new holder may not handle them' })
export class ReassignmentDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [ReassignedCaseDto] }) reassigned!: ReassignedCaseDto[];
  @ApiProperty({ type: [SkippedCaseDto] }) skipped!: SkippedCaseDto[];
}

@ApiSchema({ name: 'StaffPage', description: 'One page of the staff directory, in the order people were first seen' })
export class StaffPageDto implements StaffPage {
  @ApiProperty({ type: [StaffMemberDto] }) items!: StaffMemberDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

export class StaffQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit: number = 50;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() cursor?: string;
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', description: 'Only this role' }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'true: only active people; false: only inactive' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class UpdateStaffMemberDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', example: 'karen.holm@sundhedsdata.dk', description: 'A new address (kept until cleared); null: back to the token’s `email` claim' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional({ enum: NOTICE_LANGUAGES, description: 'Language of e-mails (a `locale` claim at the next sign-in replaces it)' }) @IsOptional() @IsIn(NOTICE_LANGUAGES) language?: NoticeLanguage;
  @ApiPropertyOptional({ description: 'false: notices to the person’s role no longer reach them' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateStaffMemberDto {
  @ApiProperty({ example: 'Anders Møller' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ format: 'email', example: 'anders.moller@rm.dk', description: 'Where notices are e-mailed; the first sign-in whose token carries this address in its `email` claim takes the entry over' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
  @ApiProperty({ enum: STAFF_ROLES, description: 'The role the person’s token will carry' }) @IsIn(STAFF_ROLES) role!: string;
  @ApiPropertyOptional({ example: '29190623', description: 'CVR number of the organisation (required for a controller)' })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'organisation must be an 8-digit CVR number', context: { rule: 'cvr-format' } })
  organisation?: string;
  @ApiPropertyOptional({ example: 'region-midtjylland', description: 'The region (required for an advisor)' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'region must be a region slug such as region-midtjylland', context: { rule: 'region-slug' } })
  region?: string;
  @ApiPropertyOptional({ enum: NOTICE_LANGUAGES, default: 'da', description: 'Language of e-mails' }) @IsOptional() @IsIn(NOTICE_LANGUAGES) language?: NoticeLanguage;
  @ApiPropertyOptional({ default: true, description: 'false: notices to the role do not reach the person yet' }) @IsOptional() @IsBoolean() active?: boolean;
}
