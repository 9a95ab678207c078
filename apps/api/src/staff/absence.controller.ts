import { Actor, CurrentActor, Roles } from '@kp/auth';
import { MarkAbsence, MarkAbsenceCommand, ReassignCases, ReassignCasesCommand } from '@kp/cases';
import { ApiProblems } from '@kp/http';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MarkAbsenceDto, ReassignCasesDto, ReassignmentDto, StaffMemberDto } from './dto/staff.dto';

/** Absence of caseworkers and legal approvers, and handing their open cases on in bulk (issue 16). */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('v1')
export class AbsenceController {
  constructor(
    private readonly markAbsence: MarkAbsence,
    private readonly reassignCases: ReassignCases,
  ) {}

  @Put('staff/:sub/absence')
  @Roles('admin', 'caseworker', 'legal_approver')
  @ApiOperation({
    operationId: 'markAbsence',
    summary: 'Mark a caseworker or legal approver absent (optionally until a day), or present again',
    description: 'An admin, for anyone who holds cases; a caseworker or legal approver, for themselves (403 for someone else). While absent no case can be assigned to them (422 `assignee-absent`). Audited as `staff_member.absent` / `staff_member.present`.',
  })
  @ApiOkResponse({ type: StaffMemberDto, description: 'The directory entry with its absence' })
  @ApiProblems(400, 401, 403, 404)
  absence(@CurrentActor() actor: Actor, @Param('sub') sub: string, @Body() body: MarkAbsenceDto): Promise<StaffMemberDto> {
    return this.markAbsence.execute(actor, MarkAbsenceCommand.create({ sub, absent: body.absent, until: body.until }));
  }

  @Post('admin/staff/:sub/reassign-cases')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reassignCases',
    summary: 'Hand every open case a person holds to another caseworker or legal approver',
    description:
      'Admin. One transaction; each case is audited as `case.reassigned` (naming the admin) and the whole as `staff_member.cases_reassigned`. A case whose applicant the new holder declared a conflict of interest in stays and is listed under `skipped` (forvaltningsloven § 3). 422 `unknown-assignee` for someone who holds no cases, `assignee-absent` for someone marked absent.',
  })
  @ApiOkResponse({ type: ReassignmentDto, description: 'What was handed on and what stayed' })
  @ApiProblems(400, 401, 403, 404, 422)
  reassign(@CurrentActor() actor: Actor, @Param('sub') sub: string, @Body() body: ReassignCasesDto): Promise<ReassignmentDto> {
    return this.reassignCases.execute(actor, ReassignCasesCommand.create({ from: sub, to: body.to }));
  }
}
