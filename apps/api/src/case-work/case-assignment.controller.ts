import { AssignCase, AssignCaseCommand, ClaimCase, ClaimCaseCommand, ReleaseCase, ReleaseCaseCommand, RequestRescreen, RequestRescreenCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, ETag, IfMatch } from '@kp/http';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignDto } from './dto/assign.dto';

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
  @ApiOkResponse({ description: 'Who holds the case now, with the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  claim(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion: number | undefined) {
    return this.claimCase.execute(actor, ClaimCaseCommand.create({ caseId: id, expectedVersion }));
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the case back to its queue (only its holder)' })
  @ApiOkResponse({ description: 'The case, now unassigned, with its new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  release(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion: number | undefined) {
    return this.releaseCase.execute(actor, ReleaseCaseCommand.create({ caseId: id, expectedVersion }));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign the case to a caseworker or legal approver (replaces the current assignee); refused for an assignee with a conflict of interest (403)' })
  @ApiOkResponse({ description: 'Who holds the case now, with the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ETag()
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AssignDto, @IfMatch() expectedVersion: number | undefined) {
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
  @ApiOperation({ summary: 'Screen the open parts again with the rule-set versions now in force; earlier screenings are kept' })
  @ApiAcceptedResponse({ description: 'Queued; the rule-set versions in force, and the case’s new ETag' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ETag()
  rescreen(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() expectedVersion: number | undefined) {
    return this.requestRescreen.execute(actor, RequestRescreenCommand.create({ caseId: id, expectedVersion }));
  }
}
