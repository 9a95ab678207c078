import { Public } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthIndicatorDto, LivenessDto, ReadinessDto } from './dto/health.dto';
import { QueueHealthIndicator } from './queue.health';
import { ShutdownState } from './shutdown';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly shutdown: ShutdownState,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process answers', description: 'Public, no token; touches no dependency.' })
  @ApiOkResponse({ type: LivenessDto, description: 'The process is alive' })
  @ApiProblems()
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: the database answers',
    description:
      'Public, no token. 503 while the database does not answer, and from the moment the process begins to shut down (SIGTERM). ' +
      'The queue is not part of it: while the queue backend is away the API keeps accepting work into its outbox, so a load balancer must keep routing to it (see /health/queue).',
  })
  @ApiExtraModels(HealthIndicatorDto)
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready to serve: the database is up' })
  @ApiProblems(503)
  ready() {
    return this.health.check([() => this.shutdown.check(this.indicators), () => this.database.pingCheck('database', { timeout: 3000 })]);
  }

  @Get('queue')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    operationId: 'getQueueHealth',
    summary: 'Queue backend: it answers',
    description: 'Public, no token. For monitoring, not for load balancing: 503 while the queue backend (PostgreSQL or Redis) does not answer; jobs then wait in the outbox and are handed over once it returns.',
  })
  @ApiOkResponse({ type: ReadinessDto, description: 'The queue backend answers' })
  @ApiProblems(503)
  queueHealth() {
    return this.health.check([() => this.queue.isHealthy()]);
  }
}
