import { AnswerConsultation, AnswerConsultationCommand, ListConsultations, ListConsultationsCommand, RequestConsultation, RequestConsultationCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, IfMatch, responseHeaders } from '@kp/http';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ConsultationDto, ConsultationPageDto } from './dto/case-work-views.dto';
import { AnswerConsultationDto, ConsultationQueryDto, RequestConsultationDto } from './dto/consultation.dto';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('v1')
export class ConsultationsController {
  constructor(
    private readonly requestConsultation: RequestConsultation,
    private readonly listConsultations: ListConsultations,
    private readonly answerConsultation: AnswerConsultation,
  ) {}

  @Post('cases/:id/consultations')
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'requestConsultation',
    summary: 'Ask a region’s advisors (rådgivning), with a deadline',
    description: 'Caseworker. A case in review waits in consultation until the answer or the deadline, whichever comes first. `Location` names the consultation.',
  })
  @ApiCreatedResponse({ type: ConsultationDto, description: 'The consultation', headers: responseHeaders('Location') })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async request(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RequestConsultationDto,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsultationDto> {
    const view = await this.requestConsultation.execute(
      actor,
      RequestConsultationCommand.create({ caseId: id, expectedVersion, advisorRegion: body.advisorRegion, subCaseId: body.subCaseId, question: body.question, deadline: body.deadline }),
    );
    res.location(`/v1/consultations/${view.id}`);
    return view;
  }

  @Get('consultations')
  @Roles('advisor', 'caseworker', 'legal_approver')
  @ApiOperation({
    operationId: 'listConsultations',
    summary: 'Consultations, soonest deadline first (cursor-paginated)',
    description: 'Advisor (those addressed to your region), caseworker or legal approver (all).',
  })
  @ApiOkResponse({ type: ConsultationPageDto, description: 'One page of consultations' })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ConsultationQueryDto): Promise<ConsultationPageDto> {
    return this.listConsultations.execute(actor, ListConsultationsCommand.create({ state: query.state, caseId: query.caseId, limit: query.limit, cursor: query.cursor }));
  }

  @Post('consultations/:id/answer')
  @HttpCode(200)
  @Roles('advisor')
  @ApiOperation({ operationId: 'answerConsultation', summary: 'Answer a consultation addressed to your region', description: 'Advisor of the consultation’s region, while it is open (409 `consultation-closed` once answered or lapsed).' })
  @ApiOkResponse({ type: ConsultationDto, description: 'The answered consultation' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  answer(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AnswerConsultationDto, @IfMatch() expectedVersion: number | undefined): Promise<ConsultationDto> {
    return this.answerConsultation.execute(actor, AnswerConsultationCommand.create({ consultationId: id, answer: body.answer, expectedVersion }));
  }
}
