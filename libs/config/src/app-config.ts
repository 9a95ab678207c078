import { ClockPolicies, ClockPolicyError, DEFAULT_CLOCK_POLICIES, resolveClockPolicies } from '@kp/clock';
import { createPrivateKey } from 'node:crypto';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DeliveryReceiver, readDeliveryReceivers } from './delivery-receivers';
import { HttpEdgeConfig, RateLimits, readHttpEdge, readRateLimits } from './http-edge-config';

/** The process configuration, read once at start-up from the environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  /** `KP_COMMAND`: `migrate` applies the migrations and exits (`npm run migration:run` sets it); else serve. */
  command: 'serve' | 'migrate';
  /**
   * `KP_AWAIT_LAUNCHER`: serve only when the launcher (scripts/start.mjs) says over IPC that its
   * migrate step has finished. The launcher starts both processes at once, so loading the API's
   * code overlaps the migrations instead of following them; the process connects to nothing before.
   */
  awaitLauncher: boolean;
  port: number;
  /**
   * `HOST`: the address the API binds to (e.g. `127.0.0.1` behind a proxy on the same host); unset,
   * every interface, as a container behind a load balancer needs.
   */
  host?: string;
  /**
   * `DATABASE_URL`: what the API and the worker connect as — the app's own LOGIN role, which may
   * read and write the tables but owns none, is no superuser and may only append to the audit trail.
   */
  databaseUrl: string;
  /**
   * `MIGRATION_DATABASE_URL`: the owner role the migrate step (`KP_COMMAND=migrate`) runs as; it
   * creates DATABASE_URL's role when missing and grants it what the app needs. Default: DATABASE_URL
   * (one role for everything, development only: production refuses to serve as the owner).
   */
  migrationDatabaseUrl: string;
  dataDir: string;
  rulesDir: string;
  /** `WEB_DIR`: the built web console (`npm run build` writes `dist/web`), served at `/` when it holds an index.html. */
  webDir: string;
  redisUrl?: string;
  queuePrefix: string;
  /** Run the queue consumers and scheduled jobs inside the API process (the embedded default). */
  workerInProcess: boolean;
  /**
   * `API_PROCESSES`: how many API processes serve the one port (Node's cluster module; default 1).
   * With more than one the first process only supervises: it forks the others, one after the
   * other once each listens, restarts one that dies and passes SIGTERM on. Migrations stay the
   * launcher's migrate step, run once before any of them serves (issue 17: one Node process was the
   * submit's limit). Refused with BUSINESS_CLOCK=settable and METRICS_PORT, and in production
   * without REDIS_URL (see loadConfig).
   */
  apiProcesses: number;
  /** `OUTBOX_POLL_MS`: the relay's fallback sweep; it dispatches right after each commit anyway (LISTEN/NOTIFY). */
  outboxPollMs: number;
  /**
   * `SHUTDOWN_DRAIN_MS`: on SIGTERM the API answers readiness 503 and keeps serving this long, so a
   * load balancer stops sending before the server closes; then requests in flight finish. Default
   * 5000 in production (inside Docker's 10 s stop grace period), 0 elsewhere (a terminal's Ctrl-C).
   */
  shutdownDrainMs: number;
  /** `OUTBOX_BATCH`: outbox rows handed to the queue per round trip. */
  outboxBatchSize: number;
  /** `JOB_CONCURRENCY`: jobs one worker process runs at once on the urgent lane. */
  jobConcurrency: number;
  /**
   * The background lane (bookkeeping such as the § 15 journal; libs/queue KP_BACKGROUND_QUEUE):
   * `BACKGROUND_JOB_CONCURRENCY` jobs at once per worker process (default 1), each handed to the
   * queue `BACKGROUND_JOB_DELAY_MS` after its commit (default 500), so that it starts after the
   * screening queued with it; a background job then waits until the process's urgent jobs have
   * paused, but no longer than `BACKGROUND_YIELD_MS` (default 10000), so that a steady stream of
   * urgent work delays it but never starves it.
   */
  backgroundJobConcurrency: number;
  backgroundJobDelayMs: number;
  backgroundYieldMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `LOG_FORMAT`: `json` (one object a line, for collectors) or `pretty` (a terminal); default pretty only when stdout is a TTY. */
  logFormat: LogFormat;
  /**
   * `METRICS_PORT`: serve Prometheus `GET /metrics` on this port, apart from the public one; unset:
   * no metrics endpoint. `METRICS_HOST` (default 127.0.0.1) is the address it binds to.
   */
  metrics?: { port: number; host: string };
  /**
   * The identity provider whose tokens the API trusts. `console` is the web console's public client
   * (`OIDC_CONSOLE_CLIENT_ID`, `OIDC_CONSOLE_SCOPE`): authorization code with PKCE at the issuer;
   * without it the console can only say that sign-in happens elsewhere.
   */
  oidc?: { issuer: string; audience: string; jwksUrl: string; console?: { clientId: string; scope: string } };
  /** Statutory clock limits and warning offsets per track (EHDS art. 68(4)); `CLOCK_POLICIES` JSON overrides. */
  clockPolicies: ClockPolicies;
  /** How often the worker's recurring jobs run, in milliseconds. */
  schedules: Schedules;
  /** `AUDIT_SIGNING_KEY`: Ed25519 PKCS8 PEM for audit checkpoints; unset: a key generated in `dataDir`. */
  auditSigningKey?: string;
  /**
   * `AUDIT_CHECKPOINT_EXPORT_DIR`: each new checkpoint is also appended, signed, as one JSON line to
   * `checkpoints.jsonl` there — storage the app may append to but not rewrite (docs/security.md).
   */
  auditCheckpointExportDir?: string;
  /**
   * `AUDIT_VERIFY_WORKERS`: worker threads that verify segments of the audit chain in parallel
   * (default: the CPUs available to the process; 0: on the calling thread).
   */
  auditVerifyWorkers: number;
  /**
   * `BUSINESS_CLOCK`: `system` (the wall clock) or `settable` (tests and the flow simulator move
   * business time; refused in production).
   */
  businessClock: 'system' | 'settable';
  /** How strictly bearer tokens are held to their times (OIDC and the local issuer alike). */
  tokens: TokenLimits;
  /** Security headers, CORS and the proxies in front (issue 13, finding 4). */
  http: HttpEdgeConfig;
  /** Requests allowed per window, by address, by token and for failed authentication (issue 13, finding 5). */
  rateLimits: RateLimits;
  /** The e-mail channel: `SMTP_URL` set sends notices by e-mail too; unset, they are in the app only. */
  mail?: MailConfig;
  /** `DELIVERY_RECEIVERS`: where each data holder (by CVR) receives its delivery and stop orders; a holder without one reads them through the API. */
  deliveryReceivers: Record<string, DeliveryReceiver>;
  /**
   * `HEARING_DAYS`: the applicant's time to comment on draft grounds before a refusal
   * (partshøring, forvaltningsloven § 19), in calendar days; default 14 (two weeks).
   */
  hearingDays: number;
  /**
   * `APPEAL_RECONSIDERATION_DAYS`: the time the deciding authority takes to reconsider a decision
   * appealed to it (remonstration) before it changes the decision or forwards the appeal to the
   * appeal body named in its guidance (forvaltningsloven § 25), in calendar days; default 28.
   */
  appealReconsiderationDays: number;
  /**
   * `ATTACHMENT_MAX_BYTES`: the largest document that may be attached to an application or a case;
   * default 25 MiB (26214400 bytes). A larger one is refused with 413 before it is stored.
   */
  attachmentMaxBytes: number;
  /** `TEAM_INVITATION_DAYS`: how long an invitation to an application's team can be accepted; default 14 days. */
  teamInvitationDays: number;
  /** The authority's records duties: journal export, retention and archive hand-over (docs/records-and-retention.md). */
  records: RecordsConfig;
}

export interface RecordsConfig {
  /**
   * `JOURNAL_EXPORT_DIR`: where the FESD-style journal export is written for the records system
   * (ESDH) to collect (offentlighedsloven § 15); default `<DATA_DIR>/journal`.
   */
  journalExportDir: string;
  /** `JOURNAL_NUMBER_PREFIX`: put before the case number to make the journal number (default `KP-`). */
  journalNumberPrefix: string;
  /**
   * `RETENTION_YEARS`: how long a closed case's data are kept after it closed, in whole years
   * (default 5); then the retention job deletes them, after handing them over for archiving when
   * `ARCHIVE_EXPORT_DIR` is set (arkivloven).
   */
  retentionYears: number;
  /** `RETENTION_SWEEP_MS`: how often the retention job runs (default daily). */
  retentionSweepMs: number;
  /** `ARCHIVE_EXPORT_DIR`: where a case is handed over for archiving before its data are deleted; unset: deleted without hand-over. */
  archiveExportDir?: string;
}

export interface MailConfig {
  /** `SMTP_URL`: `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  smtpUrl: string;
  /** `SMTP_FROM`: the sender, an address or `Name <address>`; its domain also names each Message-ID. */
  from: string;
  /** The address part of `from`. */
  fromAddress: string;
}

/** The sender when `SMTP_FROM` is unset. */
export const DEFAULT_SMTP_FROM = 'Kontaktpunkt <no-reply@kontaktpunkt.invalid>';

export interface TokenLimits {
  /** `TOKEN_MAX_LIFETIME_S`: the longest lifetime (exp − iat) a token may claim (default one hour). */
  maxLifetimeS: number;
  /** `TOKEN_CLOCK_TOLERANCE_S`: clock skew allowed on exp, nbf and iat (default 5 seconds). */
  clockToleranceS: number;
}

/** Also what the local development issuer signs for, so its tokens stay within the default. */
export const DEFAULT_TOKEN_LIMITS: Readonly<TokenLimits> = { maxLifetimeS: 3600, clockToleranceS: 5 };

export interface Schedules {
  /** `CONSULTATION_SWEEP_MS`: lapse open consultations past their deadline (default one minute). */
  consultationSweepMs: number;
  /** `DEADLINE_SWEEP_MS`: mark cases at risk / overdue and notify (default five minutes). */
  deadlineSweepMs: number;
  /** `PERMIT_EXPIRY_SWEEP_MS`: expire permits past their validity (default hourly). */
  permitExpirySweepMs: number;
  /** `LAW_CHANGE_SWEEP_MS`: screen open cases again when a rule's in-force period starts or ends (default hourly). */
  lawChangeSweepMs: number;
  /** `AUDIT_CHECKPOINT_EVERY_MS`: sign the audit chain head (default ten minutes). */
  auditCheckpointEveryMs: number;
  /** `AUDIT_CHECKPOINT_EVERY_EVENTS`: also sign after every this many events (default 1000; 0: only on time). */
  auditCheckpointEveryEvents: number;
  /** `MAIL_REDELIVERY_SWEEP_MS`: queue again e-mails whose retries ran out, e.g. while the SMTP server was down (default 15 minutes). */
  mailRedeliverySweepMs: number;
  /** `DELIVERY_SWEEP_MS`: notice delivery orders overdue against their holder's service level (default hourly). */
  deliverySweepMs: number;
  /** `RECONSIDERATION_SWEEP_MS`: tell staff of appeals and reopening requests past their time to reconsider (default hourly). */
  reconsiderationSweepMs: number;
  /** `SCREENING_RECOVERY_SWEEP_MS`: look for submitted cases whose screening job was lost (default five minutes). */
  screeningRecoverySweepMs: number;
  /**
   * `SCREENING_RECOVERY_AFTER_MS`: a case still `submitted` this long after it entered that state is
   * screened by the recovery sweep (default 15 minutes; a healthy queue screens in seconds).
   */
  screeningRecoveryAfterMs: number;
  /** `SCHEDULER_CHECK_MS`: how often each process checks that every recurring job is still scheduled in the queue backend (default one minute). */
  schedulerCheckMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** LOG_FORMAT, else pretty for a terminal and JSON for everything else (files, pipes, collectors). */
export function defaultLogFormat(stdoutIsTty: boolean = process.stdout.isTTY === true): LogFormat {
  return stdoutIsTty ? 'pretty' : 'json';
}
const NODE_ENVS = ['development', 'test', 'production'] as const;
const COMMANDS = ['serve', 'migrate'] as const;
const BUSINESS_CLOCKS = ['system', 'settable'] as const;

type Env = Record<string, string | undefined>;

/**
 * Validates the environment and names every wrong variable, so a bad deployment stops at start-up
 * instead of failing on the first request.
 */
/** What the console asks the provider for: an ID token with the person's name and e-mail beside the API's access token. */
const DEFAULT_CONSOLE_SCOPE = 'openid profile email';

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = env[name] ?? fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`${name}="${value}" must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return value as T;
  };
  /** An integer within [min, max] (max optional), else the variable is named in the problems. */
  const integer = (name: string, fallback: number, min: number, max?: number, unit?: string): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
      const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
      problems.push(`${name}="${raw}" must be an integer ${range}${unit ? ` (${unit})` : ''}`);
      return fallback;
    }
    return value;
  };
  const milliseconds = (name: string, fallback: number, min: number, max?: number) => integer(name, fallback, min, max, 'milliseconds');
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got ${parsed.protocol})`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push(`${name}="${raw}" must be true or false`);
      return fallback;
    }
    return raw === 'true' || raw === '1';
  };
  /** An Ed25519 private key; `\\n` stands for a newline (one-line env files). The key is never echoed. */
  const ed25519Pem = (name: string): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const pem = raw.replace(/\\n/g, '\n');
    let type: string | undefined;
    try {
      type = createPrivateKey(pem).asymmetricKeyType;
    } catch {
      problems.push(`${name} is not a PEM private key`);
      return undefined;
    }
    if (type !== 'ed25519') problems.push(`${name} must be an Ed25519 private key (got ${type})`);
    return pem;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl) problems.push('DATABASE_URL is required (npm start sets it when it starts the embedded PostgreSQL)');
  const migrationDatabaseUrl = url('MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']);

  const oidcVars = ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL'];
  const oidcSet = oidcVars.filter((name) => env[name]);
  let oidc: AppConfig['oidc'];
  if (oidcSet.length > 0 && oidcSet.length < oidcVars.length) {
    problems.push(`set all of ${oidcVars.join(', ')} or none (missing ${oidcVars.filter((n) => !env[n]).join(', ')})`);
  } else if (oidcSet.length === oidcVars.length) {
    const jwksUrl = url('OIDC_JWKS_URL', ['https:', 'http:']);
    const clientId = env.OIDC_CONSOLE_CLIENT_ID?.trim();
    // The console fetches the provider's discovery document from the issuer's address (and the CSP names its origin).
    if (clientId && !/^https?:\/\/[^/\s]+/.test(env.OIDC_ISSUER!)) problems.push(`OIDC_CONSOLE_CLIENT_ID needs OIDC_ISSUER to be the provider's http(s) address (got "${env.OIDC_ISSUER}")`);
    oidc = { issuer: env.OIDC_ISSUER!, audience: env.OIDC_AUDIENCE!, jwksUrl: jwksUrl ?? '', ...(clientId ? { console: { clientId, scope: env.OIDC_CONSOLE_SCOPE?.trim() || DEFAULT_CONSOLE_SCOPE } } : {}) };
  }
  if (!oidc && (env.OIDC_CONSOLE_CLIENT_ID || env.OIDC_CONSOLE_SCOPE)) {
    problems.push('OIDC_CONSOLE_CLIENT_ID/OIDC_CONSOLE_SCOPE are set without OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL: the console signs in at the provider those name');
  }
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const from = env.SMTP_FROM || DEFAULT_SMTP_FROM;
  const fromAddress = /<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(fromAddress)) problems.push(`SMTP_FROM="${from}" must be an e-mail address or "Name <address>"`);
  const mail: MailConfig | undefined = smtpUrl ? { smtpUrl, from, fromAddress } : undefined;

  const businessClock = oneOf('BUSINESS_CLOCK', BUSINESS_CLOCKS, 'system');
  if (nodeEnv === 'production' && businessClock !== 'system') {
    problems.push('BUSINESS_CLOCK=settable is refused when NODE_ENV=production: decisions and deadlines must run on real time');
  }
  const command = oneOf('KP_COMMAND', COMMANDS, 'serve');
  // Checkpoints signed with a key generated inside one container's DATA_DIR could be verified by no
  // other replica and would be lost with the container: production brings its own key.
  if (nodeEnv === 'production' && command === 'serve' && !env.AUDIT_SIGNING_KEY?.trim()) {
    problems.push('NODE_ENV=production requires AUDIT_SIGNING_KEY (an Ed25519 PKCS8 PEM shared by API and worker): a key generated in DATA_DIR is for development only');
  }
  const metricsPort = env.METRICS_PORT ? integer('METRICS_PORT', 0, 1, 65535) : undefined;
  const apiProcesses = integer('API_PROCESSES', 1, 1, 64);
  // What a process keeps in its own memory that several processes on one port would not share.
  if (apiProcesses > 1 && businessClock === 'settable') {
    problems.push('API_PROCESSES > 1 is refused with BUSINESS_CLOCK=settable: each process would keep business time of its own, moved only where the request landed');
  }
  if (apiProcesses > 1 && metricsPort !== undefined) {
    problems.push('API_PROCESSES > 1 is refused with METRICS_PORT: the processes would share the metrics port and each scrape would read one process at random; run replicas instead');
  }
  if (apiProcesses > 1 && nodeEnv === 'production' && !env.REDIS_URL) {
    problems.push('API_PROCESSES > 1 requires REDIS_URL when NODE_ENV=production: without it each process counts rate limits in its own memory, allowing API_PROCESSES times the limit');
  }
  const metricsHost = env.METRICS_HOST || '127.0.0.1';
  const host = env.HOST?.trim() || undefined;
  if (host && !isIP(host) && host !== 'localhost') problems.push(`HOST must be an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::) or localhost, got "${host}"`);
  if (env.METRICS_HOST && !env.METRICS_PORT) problems.push('METRICS_HOST is set but METRICS_PORT is not: set both, or neither (no metrics endpoint)');
  // The migrate step verifies no tokens: it needs the database URLs only.
  if (nodeEnv === 'production' && command === 'serve' && !oidc) {
    problems.push('NODE_ENV=production requires OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL: the local token issuer is for development only');
  }

  let clockPolicies: ClockPolicies = DEFAULT_CLOCK_POLICIES;
  if (env.CLOCK_POLICIES) {
    try {
      clockPolicies = resolveClockPolicies(JSON.parse(env.CLOCK_POLICIES));
    } catch (error) {
      const detail = error instanceof ClockPolicyError ? error.problems.join('; ') : (error as Error).message;
      problems.push(`CLOCK_POLICIES is invalid: ${detail}`);
    }
  }

  const config: AppConfig = {
    nodeEnv,
    command,
    awaitLauncher: flag('KP_AWAIT_LAUNCHER', false),
    port: integer('PORT', 3000, 0, 65535),
    host,
    databaseUrl: databaseUrl ?? '',
    migrationDatabaseUrl: migrationDatabaseUrl ?? databaseUrl ?? '',
    dataDir: resolve(env.DATA_DIR || '.data'),
    rulesDir: resolve(env.RULES_DIR || 'rules'),
    webDir: resolve(env.WEB_DIR || 'dist/web'),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: env.QUEUE_PREFIX || 'kp',
    workerInProcess: flag('WORKER_IN_PROCESS', true),
    apiProcesses,
    outboxPollMs: integer('OUTBOX_POLL_MS', 500, 10, 60000),
    shutdownDrainMs: milliseconds('SHUTDOWN_DRAIN_MS', nodeEnv === 'production' ? 5000 : 0, 0, 120_000),
    outboxBatchSize: integer('OUTBOX_BATCH', 200, 1, 10_000),
    jobConcurrency: integer('JOB_CONCURRENCY', 8, 1, 256),
    backgroundJobConcurrency: integer('BACKGROUND_JOB_CONCURRENCY', 1, 1, 256),
    backgroundJobDelayMs: milliseconds('BACKGROUND_JOB_DELAY_MS', 500, 0, 3_600_000),
    backgroundYieldMs: milliseconds('BACKGROUND_YIELD_MS', 10_000, 0, 600_000),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: oneOf('LOG_FORMAT', LOG_FORMATS, defaultLogFormat()),
    metrics: metricsPort !== undefined ? { port: metricsPort, host: metricsHost } : undefined,
    oidc,
    clockPolicies,
    schedules: {
      consultationSweepMs: milliseconds('CONSULTATION_SWEEP_MS', 60_000, 100, DAY_MS),
      deadlineSweepMs: milliseconds('DEADLINE_SWEEP_MS', 300_000, 1000, DAY_MS),
      permitExpirySweepMs: milliseconds('PERMIT_EXPIRY_SWEEP_MS', 3_600_000, 100),
      lawChangeSweepMs: milliseconds('LAW_CHANGE_SWEEP_MS', 3_600_000, 100, DAY_MS),
      auditCheckpointEveryMs: milliseconds('AUDIT_CHECKPOINT_EVERY_MS', 600_000, 100, 7 * DAY_MS),
      auditCheckpointEveryEvents: integer('AUDIT_CHECKPOINT_EVERY_EVENTS', 1000, 0, 1_000_000, 'events'),
      mailRedeliverySweepMs: milliseconds('MAIL_REDELIVERY_SWEEP_MS', 900_000, 100, DAY_MS),
      deliverySweepMs: milliseconds('DELIVERY_SWEEP_MS', 3_600_000, 100, DAY_MS),
      reconsiderationSweepMs: milliseconds('RECONSIDERATION_SWEEP_MS', 3_600_000, 100, DAY_MS),
      screeningRecoverySweepMs: milliseconds('SCREENING_RECOVERY_SWEEP_MS', 300_000, 100, DAY_MS),
      screeningRecoveryAfterMs: milliseconds('SCREENING_RECOVERY_AFTER_MS', 900_000, 1000, 7 * DAY_MS),
      schedulerCheckMs: milliseconds('SCHEDULER_CHECK_MS', 60_000, 100, DAY_MS),
    },
    auditSigningKey: ed25519Pem('AUDIT_SIGNING_KEY'),
    auditCheckpointExportDir: env.AUDIT_CHECKPOINT_EXPORT_DIR ? resolve(env.AUDIT_CHECKPOINT_EXPORT_DIR) : undefined,
    auditVerifyWorkers: integer('AUDIT_VERIFY_WORKERS', availableParallelism(), 0, 64, 'threads'),
    businessClock,
    tokens: {
      maxLifetimeS: integer('TOKEN_MAX_LIFETIME_S', DEFAULT_TOKEN_LIMITS.maxLifetimeS, 60, DAY_MS / 1000, 'seconds'),
      clockToleranceS: integer('TOKEN_CLOCK_TOLERANCE_S', DEFAULT_TOKEN_LIMITS.clockToleranceS, 0, 60, 'seconds'),
    },
    http: readHttpEdge(env, problems, integer, nodeEnv === 'production'),
    rateLimits: readRateLimits(integer),
    mail,
    deliveryReceivers: readDeliveryReceivers(env.DELIVERY_RECEIVERS, nodeEnv === 'production', problems),
    hearingDays: integer('HEARING_DAYS', 14, 1, 90, 'days'),
    records: {
      journalExportDir: resolve(env.JOURNAL_EXPORT_DIR || join(env.DATA_DIR || '.data', 'journal')),
      journalNumberPrefix: env.JOURNAL_NUMBER_PREFIX ?? 'KP-',
      retentionYears: integer('RETENTION_YEARS', 5, 1, 100, 'years'),
      retentionSweepMs: milliseconds('RETENTION_SWEEP_MS', DAY_MS, 100, 7 * DAY_MS),
      archiveExportDir: env.ARCHIVE_EXPORT_DIR ? resolve(env.ARCHIVE_EXPORT_DIR) : undefined,
    },
    appealReconsiderationDays: integer('APPEAL_RECONSIDERATION_DAYS', 28, 1, 90, 'days'),
    attachmentMaxBytes: integer('ATTACHMENT_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024, 'bytes'),
    teamInvitationDays: integer('TEAM_INVITATION_DAYS', 14, 1, 90, 'days'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
