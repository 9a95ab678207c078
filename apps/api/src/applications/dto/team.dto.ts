import { TeamMemberView } from '@kp/applications';
import { TEAM_ROLES, TeamRole } from '@kp/cases';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class InviteToTeamDto {
  @ApiProperty({ example: 'anna.berg@sdu.dk', description: 'Where the invitation goes; the invitee accepts after signing in with this address' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;
  @ApiPropertyOptional({ example: 'Anna Berg' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole', description: 'co_applicant, or a researcher named in the application (EHDS art. 61(2))' })
  @IsIn(TEAM_ROLES, { message: `must be one of ${TEAM_ROLES.join(', ')}` })
  teamRole!: TeamRole;
}

@ApiSchema({ name: 'TeamMember', description: 'An invitation to an application’s team, or the membership it became: the member reads the draft and the case, never acts on them' })
export class TeamMemberDto implements TeamMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 'anna.berg@sdu.dk' }) email!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole' }) teamRole!: TeamRole;
  @ApiProperty({ enum: ['invited', 'accepted', 'expired'] }) status!: 'invited' | 'accepted' | 'expired';
  @ApiProperty({ format: 'date-time' }) invitedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'After this, the invitation can no longer be accepted (TEAM_INVITATION_DAYS)' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ description: 'Whether you are this member' }) you!: boolean;
}

@ApiSchema({ name: 'TeamMemberList' })
export class TeamMemberListDto {
  @ApiProperty({ type: [TeamMemberDto] }) items!: TeamMemberDto[];
}

@ApiSchema({ name: 'TeamInvitation', description: 'An open invitation to you, with the title of the application' })
export class TeamInvitationDto extends TeamMemberDto {
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
}

@ApiSchema({ name: 'TeamInvitationList' })
export class TeamInvitationListDto {
  @ApiProperty({ type: [TeamInvitationDto] }) items!: TeamInvitationDto[];
}
