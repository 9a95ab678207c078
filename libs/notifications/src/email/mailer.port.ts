/** One e-mail as the channel hands it to the mail server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same content as HTML, sent as the alternative to `text`. */
  html: string;
  /** `<…@domain>`, the same on every attempt, so a resent message is recognisable as the same one (RFC 5322 § 3.6.4). */
  messageId: string;
  language: 'da' | 'en';
}

/** The port the e-mail job sends through; the SMTP adapter (nodemailer) implements it. */
export abstract class Mailer {
  /** Resolves when the server accepted the message; rejects otherwise (the job is then retried). */
  abstract send(mail: OutgoingMail): Promise<void>;
}
