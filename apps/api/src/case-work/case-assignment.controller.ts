import { AssignCase, AssignmentView, ClaimCase, ReleaseCase, RequestRescreen } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, etagOf, parseIfMatch } from '@kp/http';
import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AssignDto } from './dto/assign.dto';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag (version) of the case you acted on; 412 when stale' };

@ApiTags('case work')
@ApiBearerAuth()
@Roles('caseworker', 'legal_approver')
@Controller('v1/cases')
export class CaseAssignmentController {
  constructor(
    private readonly claimCase: ClaimCase,
    private readonly releaseCase: ReleaseCase,
    private readonly assignCase: AssignCase,
  ) {}

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the case: one assignee at a time; refused when someone else holds it (409) or you declared a conflict of interest in the applicant organisation (403)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: 'Who holds the case now, with the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async claim(@CurrentActor() actor: Actor, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.claimCase.execute(actor, id, parseIfMatch(ifMatch)));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the case back to its queue (only its holder)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: 'The case, now unassigned, with its new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async release(@CurrentActor() actor: Actor, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.releaseCase.execute(actor, id, parseIfMatch(ifMatch)));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign the case to a caseworker or legal approver (replaces the current assignee); refused for an assignee with a conflict of interest (403)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: 'Who holds the case now, with the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async assign(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: AssignDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.assignCase.execute(actor, id, body.assignee, parseIfMatch(ifMatch)));
  }
}

// Kept beside claim/release/assign: all are commands on the case as a whole by contact-point staff.
@ApiTags('case work')
@ApiBearerAuth()
@Roles('caseworker')
@Controller('v1/cases')
export class CaseRescreenController {
  constructor(private readonly requestRescreen: RequestRescreen) {}

  @Post(':id/rescreen')
  @HttpCode(202)
  @ApiOperation({ summary: 'Screen the open parts again with the rule-set versions now in force; earlier screenings are kept' })
  @ApiHeader(IF_MATCH)
  @ApiAcceptedResponse({ description: 'Queued; the rule-set versions in force, and the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async rescreen(@CurrentActor() actor: Actor, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const result = await this.requestRescreen.execute(actor, id, parseIfMatch(ifMatch));
    res.setHeader('ETag', etagOf(result.version));
    return result;
  }
}

function withEtag(res: Response, view: AssignmentView): AssignmentView {
  res.setHeader('ETag', etagOf(view.version));
  return view;
}
