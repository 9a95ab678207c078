import { APPLICANT_TIMELINE_ACTIONS, GetCaseAuditTimeline, GetCaseAuditTimelineCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseAuditTimelineDto } from './dto/case-audit-timeline.dto';
import { TimelineQueryDto } from './dto/timeline-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/cases')
export class CaseAuditController {
  constructor(private readonly timeline: GetCaseAuditTimeline) {}

  @Get(':id/audit')
  @Roles('researcher', 'caseworker', 'legal_approver', 'auditor', 'controller', 'advisor')
  @ApiOperation({
    operationId: 'getCaseAuditTimeline',
    summary: 'The case’s audit timeline, oldest first (cursor-paginated)',
    description:
      'Auditor, caseworker and legal approver: every event about the case, its sub-cases and its application, with hashes (the read is itself audited as `case.audit_viewed`). ' +
      `The applicant: only ${APPLICANT_TIMELINE_ACTIONS.join(', ')}, without staff identities or payloads. Anyone else: 404.`,
  })
  @ApiOkResponse({ type: CaseAuditTimelineDto, description: 'The case’s events you may see, oldest first' })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: TimelineQueryDto): Promise<CaseAuditTimelineDto> {
    return this.timeline.execute(actor, GetCaseAuditTimelineCommand.create({ caseId: id, limit: query.limit, cursor: query.cursor }));
  }
}
