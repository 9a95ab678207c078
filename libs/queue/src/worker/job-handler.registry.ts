import { Injectable } from '@nestjs/common';
import { JobHandler } from '../job';

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
}
