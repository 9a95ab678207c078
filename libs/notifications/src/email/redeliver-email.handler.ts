import { APP_CONFIG, AppConfig } from '@kp/config';
import { JobHandler, JobQueue, RecurringJobs } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { DELIVER_EMAIL_JOB } from './deliver-email.handler';

export const REDELIVER_EMAIL_JOB = 'redeliver-notice-emails';

/**
 * The queue gives a send a few retries over minutes; a mail server down for longer must not lose a
 * notice. Every `MAIL_REDELIVERY_SWEEP_MS` the e-mails still pending since the last sweep are queued
 * again (a new job; the delivery row says whether it was sent, so a message goes out once more at most).
 */
@Injectable()
export class RedeliverEmailHandler implements JobHandler, OnModuleInit {
  readonly jobName = REDELIVER_EMAIL_JOB;

  constructor(
    private readonly recurring: RecurringJobs,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.mail) this.recurring.register({ handler: this, everyMs: this.config.schedules.mailRedeliverySweepMs });
  }

  async handle(manager: EntityManager): Promise<void> {
    for (const deliveryId of await this.deliveries.claimStale(manager, this.config.schedules.mailRedeliverySweepMs)) {
      await this.queue.enqueue(manager, { name: DELIVER_EMAIL_JOB, payload: { deliveryId } });
    }
  }
}
