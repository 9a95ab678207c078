import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ListSupplementRequests, ListSupplementRequestsCommand, RequestSupplement, RequestSupplementCommand } from '@kp/deadlines';
import { ApiProblems, ETag, IfMatch, responseHeaders } from '@kp/http';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { SupplementRequestedDto, SupplementRequestListDto } from './dto/deadline-views.dto';
import { SupplementRequestDto, SupplementRequestQueryDto } from './dto/supplement-request.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases/:id/supplement-requests')
export class SupplementRequestsController {
  constructor(
    private readonly requestSupplement: RequestSupplement,
    private readonly listRequests: ListSupplementRequests,
  ) {}

  @Post()
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'requestSupplement',
    summary: 'Ask the applicant to complete the application (EHDS art. 68(4))',
    description: 'Caseworker. The case waits for the applicant and the clock stops until they resubmit. Refused while a part is decided or put to the legal approver or the controller. `ETag` is the case’s.',
  })
  @ApiCreatedResponse({ type: SupplementRequestedDto, description: 'The request (questions, answerDueAt) and the case’s new state and version', headers: responseHeaders('ETag', 'Location') })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ETag((answer: { case: { version: number } }) => answer.case.version)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: SupplementRequestDto,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SupplementRequestedDto> {
    const { request, case: c } = await this.requestSupplement.execute(actor, RequestSupplementCommand.create({ caseId: id, expectedVersion, questions: body.questions, subCaseId: body.subCaseId }));
    res.location(`/v1/cases/${c.id}/supplement-requests`);
    return { ...request, case: { id: c.id, number: c.number, state: c.state, version: c.version } };
  }

  @Get()
  @Roles('researcher', 'caseworker', 'legal_approver', 'auditor')
  @ApiOperation({ operationId: 'listSupplementRequests', summary: 'The case’s requests for supplement, oldest first', description: 'The applicant (own case), caseworkers, legal approvers and auditors.' })
  @ApiOkResponse({ type: SupplementRequestListDto, description: 'The requests' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: SupplementRequestQueryDto): Promise<SupplementRequestListDto> {
    return this.listRequests.execute(actor, ListSupplementRequestsCommand.create({ caseId: id, state: query.state }));
  }
}
