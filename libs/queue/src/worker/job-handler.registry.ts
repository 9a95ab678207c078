import { Injectable } from '@nestjs/common';
import { JobHandler, JobLane } from '../job';

/** Libs register their handlers here on module init; the consumer dispatches by job name. */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler<any>>();

  register(handler: JobHandler<any>): void {
    if (this.handlers.has(handler.jobName)) throw new Error(`a handler for job "${handler.jobName}" is already registered`);
    this.handlers.set(handler.jobName, handler);
  }

  get(jobName: string): JobHandler<any> | undefined {
    return this.handlers.get(jobName);
  }

  /**
   * The lane a job travels on. A name with no handler in this process goes on the urgent lane; both
   * lanes' consumers run any registered handler, so a job on the other lane is only slower, not lost.
   */
  laneOf(jobName: string): JobLane {
    return this.handlers.get(jobName)?.lane ?? 'urgent';
  }
}
