import { APP_CONFIG, AppConfig } from '@kp/config';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's X-Request-Id when it is sane, otherwise makes one; echoed on every response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Gives the request its id before anything else runs (pino-http keeps an id already set), so every answer can quote it. */
export function assignRequestId(request: IncomingMessage & { id?: string }, response: ServerResponse, next: () => void): void {
  request.id ??= requestId(request, response);
  next();
}

/** Structured JSON logs (pino); tokens never reach the log. */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestId,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customProps: () => ({ service: 'kontaktpunkt' }),
      autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
    },
  }),
});
