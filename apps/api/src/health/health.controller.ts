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
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: the database and the queue answer', description: 'Public, no token. 503 while the database or the queue does not answer, and from the moment the process begins to shut down (SIGTERM).' })
  @ApiExtraModels(HealthIndicatorDto)
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready to serve: the database and the queue are up' })
  @ApiProblems(503)
  ready() {
    return this.health.check([() => this.shutdown.check(this.indicators), () => this.database.pingCheck('database', { timeout: 3000 }), () => this.queue.isHealthy()]);
  }
}
