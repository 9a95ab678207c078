import { APP_CONFIG, AppConfig, defaultLogFormat, LOG_FORMATS, LogFormat } from '@kp/config';
import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger as Pino } from 'pino';
import pinoPretty from 'pino-pretty';

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

let root: Pino | undefined;

/**
 * The one pino logger of the process, made before the configuration is read so that everything —
 * a refused configuration, Nest's own start-up lines, the database wait, the last shutdown line —
 * is written the same way: JSON with ISO timestamps, or pino-pretty for a terminal (LOG_FORMAT,
 * default pretty only when stdout is a TTY). An invalid LOG_FORMAT or LOG_LEVEL falls back here;
 * the configuration check then names it.
 */
export function rootLogger(env: NodeJS.ProcessEnv = process.env): Pino {
  if (root) return root;
  const format: LogFormat = (LOG_FORMATS as readonly string[]).includes(env.LOG_FORMAT ?? '') ? (env.LOG_FORMAT as LogFormat) : defaultLogFormat();
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const level = levels.includes(env.LOG_LEVEL ?? '') ? env.LOG_LEVEL! : env.NODE_ENV === 'test' ? 'silent' : 'info';
  const options: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { service: 'kontaktpunkt', pid: process.pid },
    formatters: { level: (label) => ({ level: label }) },
    // A failed query's parameters may hold an attachment's bytes or other personal data (GDPR art. 32): never logged.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'err.parameters', 'err.driverError.parameters'],
  };
  // pino-pretty as a synchronous stream, not a transport thread: the last line before exit is not lost.
  // JSON synchronously too: lines leave in the order they were logged, and the last before exit (a
  // failed start's `fatal`) is written before process.exit, not overtaken by an earlier write still in flight.
  root = format === 'pretty' ? pino(options, pinoPretty({ colorize: process.stdout.isTTY === true, translateTime: 'SYS:standard', sync: true })) : pino(options, pino.destination({ dest: 1, sync: true }));
  return root;
}

/** Nest's LoggerService on the root logger, handed to NestFactory so that even its first line is JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Pino = rootLogger()) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes (message, [stack or pino-style msg,] context): the last string is the context. */
  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const second = typeof params[0] === 'string' ? params[0] : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, second ?? message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message }, second);
    } else if (second && (level === 'error' || level === 'fatal')) {
      this.logger[level]({ context, stack: second }, String(message));
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
}

/** Structured logs (pino, on the root logger); tokens never reach the log. */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      logger: rootLogger().child({}, { level: config.logLevel }),
      genReqId: requestId,
      autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
    },
  }),
});
