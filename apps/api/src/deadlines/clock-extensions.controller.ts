import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ExtendClock, ExtendClockCommand } from '@kp/deadlines';
import { ApiProblems, ETag, IfMatch, responseHeaders } from '@kp/http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ClockExtensionDto } from './dto/clock-extension.dto';
import { ClockExtendedDto } from './dto/deadline-views.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases/:id/clock/extensions')
export class ClockExtensionsController {
  constructor(private readonly extendClock: ExtendClock) {}

  @Post()
  @Roles('caseworker', 'legal_approver')
  @ApiOperation({
    operationId: 'extendClock',
    summary: 'Extend the decision limit with a recorded reason (EHDS art. 68(4): up to 3 months in all)',
    description: 'Caseworker or legal approver. Refused with 422 `clock-extension-refused` past the track’s limit or without a reason. `Location` names the case, `ETag` is its version.',
  })
  @ApiCreatedResponse({ type: ClockExtendedDto, description: 'The new due date and every extension', headers: responseHeaders('ETag', 'Location') })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ETag()
  async create(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ClockExtensionDto,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClockExtendedDto> {
    const result = await this.extendClock.execute(actor, ExtendClockCommand.create({ caseId: id, expectedVersion, months: body.months, reason: body.reason }));
    res.location(`/v1/cases/${result.caseId}`);
    return result;
  }
}
