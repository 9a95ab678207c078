import { JobTransport } from '@kp/queue';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly transport: JobTransport,
  ) {}

  async isHealthy(key = 'queue') {
    const indicator = this.health.check(key);
    try {
      await this.transport.ping();
      return indicator.up({ backend: this.transport.describe() });
    } catch (error) {
      return indicator.down({ backend: this.transport.describe(), message: (error as Error).message });
    }
  }
}
