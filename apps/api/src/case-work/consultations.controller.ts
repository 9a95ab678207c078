import { AnswerConsultation, ListConsultations, RequestConsultation } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, parseIfMatch } from '@kp/http';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AnswerConsultationDto, ConsultationQueryDto, RequestConsultationDto } from './dto/consultation.dto';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag (version) of the case you acted on; 412 when stale' };

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
  @ApiOperation({ summary: 'Ask a regional advisor (rådgivning) with a deadline; a case in review waits in consultation until the answer or the deadline' })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ description: 'The consultation' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async request(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RequestConsultationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.requestConsultation.execute(actor, id, body, parseIfMatch(ifMatch));
    res.location(`/v1/consultations/${view.id}`);
    return view;
  }

  @Get('consultations')
  @Roles('advisor', 'caseworker', 'legal_approver')
  @ApiOperation({ summary: 'Consultations, soonest deadline first (cursor-paginated): an advisor’s are those addressed to their region' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: ConsultationQueryDto) {
    return this.listConsultations.execute(actor, { state: query.state, caseId: query.caseId }, query.limit, query.cursor);
  }

  @Post('consultations/:id/answer')
  @HttpCode(200)
  @Roles('advisor')
  @ApiOperation({ summary: 'Answer a consultation addressed to your region' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ description: 'The answered consultation' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  answer(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AnswerConsultationDto, @Headers('if-match') ifMatch: string | undefined) {
    return this.answerConsultation.execute(actor, id, body.answer, parseIfMatch(ifMatch));
  }
}
