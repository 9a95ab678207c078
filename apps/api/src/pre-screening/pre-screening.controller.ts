import { CommentDraft, CommentDraftCommand, ListSharedDrafts, PreScreeningCommand, ReadPreScreening, ShareDraft, ShareDraftCommand } from '@kp/pre-screening';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommentDraftDto, DraftCommentDto, DraftShareDto, PreScreeningDto, ShareDraftDto, SharedDraftListDto } from './pre-screening.dto';

@ApiTags('pre-screening')
@ApiBearerAuth()
@Controller('v1')
export class PreScreeningController {
  constructor(
    private readonly share: ShareDraft,
    private readonly comment: CommentDraft,
    private readonly read: ReadPreScreening,
    private readonly shared: ListSharedDrafts,
  ) {}

  @Post('applications/:id/pre-screening/shares')
  @Roles('researcher')
  @ApiOperation({
    operationId: 'shareDraftForPreScreening',
    summary: 'Share your draft with a region’s data-support centre for comments before you submit',
    description: 'The applicant, while the application is a draft. The region’s advisors are told, read the draft and its attachments, and comment. Sharing again with the same region changes nothing.',
  })
  @ApiCreatedResponse({ type: DraftShareDto, description: 'The draft is shared with the region’s data-support centre' })
  @ApiProblems(400, 401, 403, 404, 409)
  shareDraft(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ShareDraftDto): Promise<DraftShareDto> {
    return this.share.execute(actor, ShareDraftCommand.create({ applicationId: id, region: body.region, message: body.message }));
  }

  @Post('applications/:id/pre-screening/comments')
  @Roles('advisor')
  @ApiOperation({ operationId: 'commentDraft', summary: 'Comment on a draft shared with your region', description: 'An advisor of a region the draft is shared with (404 otherwise), before it is submitted (409 after). The applicant is told.' })
  @ApiCreatedResponse({ type: DraftCommentDto, description: 'The advisor’s comment on the draft' })
  @ApiProblems(400, 401, 403, 404, 409)
  commentDraft(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CommentDraftDto): Promise<DraftCommentDto> {
    return this.comment.execute(actor, CommentDraftCommand.create({ applicationId: id, text: body.text }));
  }

  @Get('applications/:id/pre-screening')
  @Roles('researcher', 'advisor')
  @ApiOperation({ operationId: 'getPreScreening', summary: 'A draft’s pre-screening: the regions it is shared with and their comments', description: 'The applicant and the team: all; an advisor: their own region’s, while the draft is shared with them.' })
  @ApiOkResponse({ type: PreScreeningDto, description: 'The draft’s shares and the advisors’ comments' })
  @ApiProblems(401, 403, 404)
  preScreening(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PreScreeningDto> {
    return this.read.execute(actor, PreScreeningCommand.create({ applicationId: id }));
  }

  @Get('pre-screening')
  @Roles('advisor')
  @ApiOperation({ operationId: 'listSharedDrafts', summary: 'Drafts shared with your region, not yet submitted, newest first', description: 'The data-support centre’s pre-screening queue; drafts shared with other regions are not listed.' })
  @ApiOkResponse({ type: SharedDraftListDto, description: 'Drafts shared with your region, not yet submitted' })
  @ApiProblems(401, 403)
  sharedDrafts(@CurrentActor() actor: Actor): Promise<SharedDraftListDto> {
    return this.shared.execute(actor);
  }
}
