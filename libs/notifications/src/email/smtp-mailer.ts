import { MailConfig } from '@kp/config';
import { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { Mailer, OutgoingMail } from './mailer.port';

/** Sends over SMTP (`SMTP_URL`) with nodemailer, from `SMTP_FROM`. */
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly config: MailConfig) {
    super();
    this.transport = createTransport(config.smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** Bound when `SMTP_URL` is unset: no delivery is ever created then, so a call is a wiring fault. */
export class NoMailer extends Mailer {
  async send(): Promise<void> {
    throw new Error('SMTP_URL is not set: this process cannot send e-mail');
  }
}
