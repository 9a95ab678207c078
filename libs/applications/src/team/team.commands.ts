import { ApplicationReference, BaseCommand } from '@kp/commands';
import { TEAM_ROLES, TeamRole } from '@kp/cases';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The applicant invites a co-applicant or a named researcher, by e-mail, to read the application and its case. */
export class InviteToTeamCommand extends BaseCommand {
  static override readonly noun = 'invitation';
  @ApplicationReference() applicationId!: string;
  @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(320) email!: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsIn(TEAM_ROLES, { message: `must be one of ${TEAM_ROLES.join(', ')}` }) teamRole!: TeamRole;
}

export class ApplicationTeamCommand extends BaseCommand {
  @ApplicationReference() applicationId!: string;
}

export class AcceptInvitationCommand extends BaseCommand {
  static override readonly noun = 'invitation';
  @IsString() @IsNotEmpty() @MaxLength(64) invitationId!: string;
}

/** The applicant removes a member or withdraws an invitation; a member leaves (their own membership). */
export class RemoveTeamMemberCommand extends BaseCommand {
  static override readonly noun = 'team member';
  @ApplicationReference() applicationId!: string;
  /** Not @IsUUID: an id that is no uuid names no member, answered as not found. */
  @IsString() @IsNotEmpty() @MaxLength(64) memberId!: string;
}
