import { AcceptInvitation, AcceptInvitationCommand, ApplicationTeamCommand, InviteToTeam, InviteToTeamCommand, ListMyInvitations, ListTeam, RemoveTeamMember, RemoveTeamMemberCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InviteToTeamDto, TeamInvitationListDto, TeamMemberDto, TeamMemberListDto } from './dto/team.dto';

/** The application's team (issue 16): co-applicants and named researchers read; only the applicant acts. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('v1')
export class TeamController {
  constructor(
    private readonly invite: InviteToTeam,
    private readonly list: ListTeam,
    private readonly mine: ListMyInvitations,
    private readonly accept: AcceptInvitation,
    private readonly remove: RemoveTeamMember,
  ) {}

  @Post('applications/:id/team')
  @Roles('researcher')
  @ApiOperation({
    operationId: 'inviteToTeam',
    summary: 'Invite a co-applicant or a named researcher, by e-mail, to read your application and its case',
    description: 'The applicant only. The invitation is e-mailed and expires after TEAM_INVITATION_DAYS (14); inviting the same address again renews it. Members read; only the applicant submits, supplements, answers or withdraws.',
  })
  @ApiCreatedResponse({ type: TeamMemberDto, description: 'The invitation, sent by e-mail' })
  @ApiProblems(400, 401, 403, 404, 409)
  inviteMember(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: InviteToTeamDto): Promise<TeamMemberDto> {
    return this.invite.execute(actor, InviteToTeamCommand.create({ applicationId: id, email: body.email, name: body.name, teamRole: body.teamRole }));
  }

  @Get('applications/:id/team')
  @Roles('researcher')
  @ApiOperation({ operationId: 'listTeam', summary: 'The application’s team: invitations and members', description: 'The applicant and the members.' })
  @ApiOkResponse({ type: TeamMemberListDto, description: 'The application’s team: members and open invitations' })
  @ApiProblems(401, 403, 404)
  listMembers(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TeamMemberListDto> {
    return this.list.execute(actor, ApplicationTeamCommand.create({ applicationId: id }));
  }

  @Delete('applications/:id/team/:memberId')
  @Roles('researcher')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'removeTeamMember',
    summary: 'Remove a member from the application’s team, withdraw an invitation, or leave the team',
    description:
      'The applicant removes any member or open invitation (`memberId` is the `id` from the team list); a member removes only themselves (leaves), anyone else on the team gets 403. Access to the draft, the case and its attachments ends at once; the removed person is told (an invitee by e-mail), or the applicant when a member leaves. The applicant is not a member and cannot be removed. Works on a draft and on a submitted case.',
  })
  @ApiNoContentResponse({ description: 'Removed: the person no longer reads the application or its case' })
  @ApiProblems(400, 401, 403, 404)
  removeMember(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('memberId') memberId: string): Promise<void> {
    return this.remove.execute(actor, RemoveTeamMemberCommand.create({ applicationId: id, memberId }));
  }

  @Get('me/team-invitations')
  @Roles('researcher')
  @ApiOperation({ operationId: 'listMyTeamInvitations', summary: 'Open invitations to the e-mail address you signed in with', description: 'Matched on the `email` claim of your token (verified by the identity provider); expired and accepted ones are left out.' })
  @ApiOkResponse({ type: TeamInvitationListDto, description: 'Invitations to your e-mail address not yet accepted' })
  @ApiProblems(401, 403)
  myInvitations(@CurrentActor() actor: Actor): Promise<TeamInvitationListDto> {
    return this.mine.execute(actor);
  }

  @Post('team-invitations/:id/accept')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptTeamInvitation',
    summary: 'Accept an invitation to an application’s team',
    description: 'Only by the person signed in with the invited e-mail address (404 to anyone else), before it expires (409 invitation-expired). From then you read the application and its case.',
  })
  @ApiOkResponse({ type: TeamMemberDto, description: 'You are now on the application’s team' })
  @ApiProblems(401, 403, 404, 409)
  acceptInvitation(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<TeamMemberDto> {
    return this.accept.execute(actor, AcceptInvitationCommand.create({ invitationId: id }));
  }
}
