import { QUEUES } from '@kp/cases';
import { GetWorkload, ListQueue, ListQueueCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { QueueQueryDto } from './dto/queue-query.dto';

@ApiTags('case work')
@ApiBearerAuth()
@Roles('caseworker', 'legal_approver')
@Controller('v1')
export class QueuesController {
  constructor(
    private readonly listQueue: ListQueue,
    private readonly getWorkload: GetWorkload,
  ) {}

  @Get('queues/:queue')
  @ApiOperation({ summary: 'A work queue, soonest due first (cursor-paginated), with clock figures and open consultations and legal matters per case' })
  @ApiParam({ name: 'queue', enum: QUEUES })
  @ApiOkResponse({ description: '{ queue, items, nextCursor }' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('queue') queue: string, @Query() query: QueueQueryDto) {
    const { dueBefore, ...rest } = query;
    return this.listQueue.execute(actor, ListQueueCommand.create({ queue, ...rest, dueBefore: dueBefore ? new Date(dueBefore) : undefined }));
  }

  @Get('workload')
  @ApiOperation({ summary: 'Open cases per assignee (unassigned included) and per queue, with at-risk and overdue counts' })
  @ApiOkResponse({ description: '{ asOf, totals, byAssignee, byQueue }' })
  @ApiProblems(401, 403)
  workload(@CurrentActor() actor: Actor) {
    return this.getWorkload.execute(actor);
  }
}
