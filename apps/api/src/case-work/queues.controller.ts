import { QUEUES } from '@kp/cases';
import { GetWorkload, ListQueue, ListQueueCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { QueuePageDto, WorkloadDto } from './dto/case-work-views.dto';
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
  @ApiOperation({
    operationId: 'listQueue',
    summary: 'A work queue, soonest due first (cursor-paginated)',
    description: 'Caseworker or legal approver. central and collaborative: open cases with an open sub-case on that track; approval: drafts awaiting a legal approver; mine: the open cases you hold. Each case with its clock figures and open consultations and legal matters.',
  })
  @ApiParam({ name: 'queue', enum: QUEUES })
  @ApiOkResponse({ type: QueuePageDto, description: 'One page of the queue' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('queue') queue: string, @Query() query: QueueQueryDto): Promise<QueuePageDto> {
    const { dueBefore, ...rest } = query;
    return this.listQueue.execute(actor, ListQueueCommand.create({ queue, ...rest, dueBefore: dueBefore ? new Date(dueBefore) : undefined }));
  }

  @Get('workload')
  @ApiOperation({ operationId: 'getWorkload', summary: 'Open cases per assignee (unassigned included) and per queue, with at-risk and overdue counts', description: 'Caseworker or legal approver.' })
  @ApiOkResponse({ type: WorkloadDto, description: 'The workload now' })
  @ApiProblems(401, 403)
  workload(@CurrentActor() actor: Actor): Promise<WorkloadDto> {
    return this.getWorkload.execute(actor);
  }
}
