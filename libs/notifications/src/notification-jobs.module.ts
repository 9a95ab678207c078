import { CasesModule } from '@kp/cases';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { JobHandlerRegistry } from '@kp/queue';
import { Module, OnModuleInit } from '@nestjs/common';
import { DeliverEmailHandler } from './email/deliver-email.handler';
import { Mailer } from './email/mailer.port';
import { RedeliverEmailHandler } from './email/redeliver-email.handler';
import { NoMailer, SmtpMailer } from './email/smtp-mailer';
import { NotificationsModule } from './notifications.module';

/** For the worker: the job that sends each e-mail, the sweep that queues again those whose retries ran out, and the SMTP mailer. */
@Module({
  imports: [NotificationsModule, CasesModule],
  providers: [
    DeliverEmailHandler,
    RedeliverEmailHandler,
    { provide: Mailer, inject: [APP_CONFIG], useFactory: (config: AppConfig): Mailer => (config.mail ? new SmtpMailer(config.mail) : new NoMailer()) },
  ],
  exports: [Mailer],
})
export class NotificationJobsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly deliver: DeliverEmailHandler,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.deliver);
  }
}
