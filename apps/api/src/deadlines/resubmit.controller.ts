import { GetCase } from '@kp/applications';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ResubmitApplication } from '@kp/deadlines';
import { ApiProblems, etagOf, parseIfMatch } from '@kp/http';
import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
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
  @ApiOperation({ summary: 'Answer a request for supplement: the amended application becomes the case’s, the clock runs again and the case is re-screened' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the application you amended; 412 when stale' })
  @ApiAcceptedResponse({ description: 'The case (state screening); screening follows asynchronously. ETag is the case’s' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async resubmit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ResubmitDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const c = await this.resubmitApplication.execute(actor, id, { answer: body.answer }, parseIfMatch(ifMatch));
    const view = await this.getCase.execute(actor, c.id);
    res.setHeader('ETag', etagOf(view.version)).location(`/v1/cases/${view.id}`);
    return view;
  }
}
