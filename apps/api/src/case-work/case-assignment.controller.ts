import { AssignCase, AssignCaseCommand, ClaimCase, ClaimCaseCommand, ReleaseCase, ReleaseCaseCommand, RequestRescreen, RequestRescreenCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag, IfMatch, responseHeaders } from '@kp/http';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignDto } from './dto/assign.dto';
import { AssignmentDto, RescreenQueuedDto } from './dto/case-work-views.dto';

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
  @ApiOperation({
    operationId: 'claimCase',
    summary: 'Take the case: one assignee at a time',
    description:
      'Caseworker or legal approver. Refused when someone else holds it (409 `case-claimed`, with `holder`) or you declared a conflict of interest in the applicant organisation (403). Claiming a case you hold changes nothing.',
  })
  @ApiOkResponse({ type: AssignmentDto, description: 'Who holds the case now', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  claim(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion: number | undefined): Promise<AssignmentDto> {
    return this.claimCase.execute(actor, ClaimCaseCommand.create({ caseId: id, expectedVersion }));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ operationId: 'releaseCase', summary: 'Give the case back to its queue', description: 'Its holder only (403 `not-holder` otherwise; to move a case, assign it).' })
  @ApiOkResponse({ type: AssignmentDto, description: 'The case, now unassigned', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  release(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion: number | undefined): Promise<AssignmentDto> {
    return this.releaseCase.execute(actor, ReleaseCaseCommand.create({ caseId: id, expectedVersion }));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'assignCase',
    summary: 'Assign the case to a caseworker or legal approver (replaces the current assignee)',
    description: 'Caseworker or legal approver. The assignee must have signed in to case work once (422 `unknown-assignee`) and have declared no conflict of interest in the applicant organisation (403).',
  })
  @ApiOkResponse({ type: AssignmentDto, description: 'Who holds the case now', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ETag()
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AssignDto, @IfMatch() expectedVersion: number | undefined): Promise<AssignmentDto> {
    return this.assignCase.execute(actor, AssignCaseCommand.create({ caseId: id, assignee: body.assignee, expectedVersion }));
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
  @ApiOperation({
    operationId: 'rescreenCase',
    summary: 'Screen the open parts again with the rule-set versions now in force',
    description: 'Caseworker. Earlier screenings are kept; the worker screens asynchronously, and the case shows the new screening when done.',
  })
  @ApiAcceptedResponse({ type: RescreenQueuedDto, description: 'Queued, with the rule-set versions in force', headers: responseHeaders('ETag') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  rescreen(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion: number | undefined): Promise<RescreenQueuedDto> {
    return this.requestRescreen.execute(actor, RequestRescreenCommand.create({ caseId: id, expectedVersion }));
  }
}
