import { GetCase, GetCaseCommand } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ResubmitApplication, ResubmitApplicationCommand } from '@kp/deadlines';
import { ApiProblems, ETag, IfMatch, responseHeaders } from '@kp/http';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CaseDto } from '../cases/dto/case-view.dto';
import { ResubmitDto } from './dto/resubmit.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Roles('researcher')
@Controller('v1/applications')
export class ResubmitController {
  constructor(
    private readonly resubmitApplication: ResubmitApplication,
    private readonly getCase: GetCase,
  ) {}

  @Post(':id/resubmit')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'resubmitApplication',
    summary: 'Answer a request for supplement: the amended application becomes the case’s, the clock runs again and the case is re-screened',
    description:
      'Researcher, while the case awaits the applicant. Answer each question in `answers`, or amend the application with PATCH first (422 `supplement-unanswered` when it does neither; the application stays editable). If-Match is the application’s ETag. `Location` names the case, `ETag` is the case version.',
  })
  @ApiAcceptedResponse({ type: CaseDto, description: 'The case (state screening); screening follows asynchronously', headers: responseHeaders('ETag', 'Location') })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ETag()
  async resubmit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ResubmitDto,
    @IfMatch('application') expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDto> {
    const c = await this.resubmitApplication.execute(actor, ResubmitApplicationCommand.create({ applicationId: id, expectedVersion, answer: body.answer, answers: body.answers }));
    const view = await this.getCase.execute(actor, GetCaseCommand.create({ caseId: c.id }));
    res.location(`/v1/cases/${view.id}`);
    return view;
  }
}
