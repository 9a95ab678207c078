import { APP_CONFIG, AppConfig, PROCESS_IDENTITY, ProcessIdentity } from '@kp/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { ReloadRequester } from '../registry/rule-set-registry';
import { RuleSetReloader } from '../registry/rule-set-reloader';

/** The PostgreSQL notification channel every API and worker process listens on. */
export const RULE_SET_RELOAD_CHANNEL = 'kp_rule_set_reload';
/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 5_000;

interface ReloadNotice {
  /** The process that reloaded on request and asks the others to follow. */
  origin: string;
  requestedBy: ReloadRequester;
}

/**
 * A reload must reach every replica: otherwise the worker that screens keeps the old rules while the
 * API that took the request uses the new ones, and two screenings of the same day apply different
 * law. After a process reloads on request it sends NOTIFY on PostgreSQL — the database every
 * process shares whichever queue backend runs — and each other process LISTENing reloads the same
 * directory and audits its own activations, naming itself (RuleSetActivationAudit). A process whose
 * listening connection was lost reloads once it is back, since it may have missed a notice.
 */
@Injectable()
export class RuleSetReloadBroadcast implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RuleSets');
  private listener?: Client;
  private reconnect?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly reloader: RuleSetReloader,
    @Optional() @Inject(getDataSourceToken()) private readonly dataSource?: DataSource,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
    @Optional() @Inject(PROCESS_IDENTITY) private readonly identity?: ProcessIdentity,
  ) {}

  /** Without a database (a test app of the engine alone) there is no one to tell. */
  private get enabled(): boolean {
    return this.dataSource !== undefined && this.config !== undefined && this.config.databaseUrl !== '';
  }

  private get self(): string {
    return this.identity?.id ?? `pid-${process.pid}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.listen(false);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Tells every other process to reload; called after this one reloaded on an admin's request. */
  async announce(requestedBy: ReloadRequester): Promise<void> {
    if (!this.enabled) return;
    const notice: ReloadNotice = { origin: this.self, requestedBy };
    await this.dataSource!.query('SELECT pg_notify($1, $2)', [RULE_SET_RELOAD_CHANNEL, JSON.stringify(notice)]);
  }

  private async listen(afterLoss: boolean): Promise<void> {
    const client = new Client({ connectionString: this.config!.databaseUrl, application_name: `kp-rule-sets ${this.self}`.slice(0, 63) });
    client.on('notification', (message) => void this.received(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${RULE_SET_RELOAD_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    this.listener = client;
    if (afterLoss) {
      this.logger.log('rule-set reload channel back: reloading in case a reload was missed');
      await this.reloader.reload().catch((error: unknown) => this.logger.error(`reload after reconnect failed: ${String(error)}`));
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || (this.listener && this.listener !== client)) return;
    this.listener = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.reconnect) return;
    this.logger.warn(`rule-set reload channel lost${error ? `: ${error.message}` : ''}; listening again in ${RECONNECT_MS / 1000} s`);
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      if (!this.stopped) void this.listen(true);
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private async received(message: Notification): Promise<void> {
    if (message.channel !== RULE_SET_RELOAD_CHANNEL || !message.payload) return;
    let notice: ReloadNotice;
    try {
      notice = JSON.parse(message.payload) as ReloadNotice;
    } catch {
      this.logger.warn(`ignored a malformed notice on ${RULE_SET_RELOAD_CHANNEL}`);
      return;
    }
    if (notice.origin === this.self) return;
    this.logger.log(`reloading rule sets: ${notice.requestedBy?.sub ?? 'someone'} reloaded them in ${notice.origin}`);
    try {
      await this.reloader.reload({ ...notice.requestedBy, via: notice.origin });
    } catch (error) {
      this.logger.error(`reload asked by ${notice.origin} failed: ${String(error)}`);
    }
  }
}
