import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ExtendClock } from '@kp/deadlines';
import { ApiProblems, etagOf, parseIfMatch } from '@kp/http';
import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ClockExtensionDto } from './dto/clock-extension.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases/:id/clock/extensions')
export class ClockExtensionsController {
  constructor(private readonly extendClock: ExtendClock) {}

  @Post()
  @Roles('caseworker', 'legal_approver')
  @ApiOperation({ summary: 'Extend the decision limit with a recorded reason (EHDS art. 68(4): up to 3 months in all)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the case; 412 when stale' })
  @ApiCreatedResponse({ description: '{ caseId, number, version, clock } with the new due date and every extension; ETag is the case’s' })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ClockExtensionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.extendClock.execute(actor, id, { months: body.months, reason: body.reason }, parseIfMatch(ifMatch));
    res.setHeader('ETag', etagOf(result.version)).location(`/v1/cases/${result.caseId}`);
    return result;
  }
}
