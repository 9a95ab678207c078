import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server received, as a mail client would read it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** The HTML alternative; false when the message had none. */
  html: string | false;
  /** The top-level Content-Type, e.g. multipart/alternative. */
  contentType: string;
  messageId: string;
  language: string | undefined;
  /** false: the server refused it after reading it (a forced failure); the sender must try again. */
  accepted: boolean;
}

export interface TestSmtpServer {
  url: string;
  /** Every message offered, accepted or refused, in order. */
  received: ReceivedMail[];
  accepted(to?: string): ReceivedMail[];
  /** Refuse the next `times` messages to this address with a temporary failure (451), as a server under load does. */
  refuseNext(address: string, times?: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port (smtp-server), parsing what it receives with mailparser. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const refuse = to.find((address) => (refusals.get(address) ?? 0) > 0);
          if (refuse) refusals.set(refuse, refusals.get(refuse)! - 1);
          received.push({
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || false,
            contentType: (parsed.headers.get('content-type') as { value?: string } | undefined)?.value ?? '',
            messageId: parsed.messageId ?? '',
            language: parsed.headers.get('content-language') as string | undefined,
            accepted: !refuse,
          });
          if (refuse) {
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            callback(error);
          } else callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    accepted: (to) => received.filter((m) => m.accepted && (to === undefined || m.to.includes(to.toLowerCase()))),
    refuseNext: (address, times = 1) => refusals.set(address.toLowerCase(), times),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
