import { APP_CONFIG, AppConfig } from '@kp/config';
import { DynamicModule, Inject, Injectable, Logger, Module, OnModuleInit, Optional } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { formatProblem, ReloadReport } from './domain/rule-set';
import { RuleSetVersionStore } from './infrastructure/rule-set-version.store';
import { ReloadRequester, RuleSetRegistry } from './registry/rule-set-registry';

export interface RulesModuleOptions {
  /** Plugin directory; default: AppConfig.rulesDir (`RULES_DIR`), else `<cwd>/rules`. */
  rulesDir?: string;
}

export const RULES_MODULE_OPTIONS = Symbol('RULES_MODULE_OPTIONS');

/**
 * Loads the plugin directory on start and on request (the admin reload endpoint calls `reload()`).
 * A refused plugin is logged and its last good version stays active; start-up fails only when no
 * plugin at all could be activated, since then no application could be screened.
 */
@Injectable()
export class RuleSetReloader implements OnModuleInit {
  private readonly logger = new Logger('RuleSets');
  readonly rulesDir: string;

  constructor(
    private readonly registry: RuleSetRegistry,
    @Optional() @Inject(RULES_MODULE_OPTIONS) options?: RulesModuleOptions,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.rulesDir = resolve(options?.rulesDir ?? config?.rulesDir ?? 'rules');
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    if (this.registry.activeVersions().length === 0) {
      throw new Error(`no rule-set plugin could be activated from ${this.rulesDir}`);
    }
  }

  /** Reloads the plugin directory; `requestedBy` is the admin who asked (absent: the system, at start). */
  async reload(requestedBy?: ReloadRequester): Promise<ReloadReport> {
    const report = await this.registry.loadDirectory(this.rulesDir, requestedBy);
    for (const o of report) {
      if (o.status === 'refused') {
        this.logger.warn(`refused ${o.pluginId}@${o.version ?? '?'}: ${(o.errors ?? []).map(formatProblem).join('; ')}`);
      } else if (o.status === 'activated') {
        this.logger.log(`activated ${o.pluginId}@${o.version} sha256:${o.sha256}`);
      }
    }
    return report;
  }
}

/**
 * The rules engine for Nest apps: RuleSetRegistry (loaded on module init), RuleSetReloader and
 * RuleSetVersionStore (on TypeORM's default DataSource when there is one). No controllers: apps/api
 * wires `GET /v1/data-sources` and `POST /v1/admin/rule-sets/reload`. Import `RulesModule` once
 * per app so every importer shares one registry; `RulesModule.forRoot({ rulesDir })` is for tests.
 */
@Module({
  providers: [
    {
      provide: RuleSetVersionStore,
      inject: [{ token: getDataSourceToken(), optional: true }],
      useFactory: (dataSource?: DataSource) => new RuleSetVersionStore(dataSource),
    },
    {
      provide: RuleSetRegistry,
      inject: [RuleSetVersionStore],
      useFactory: (store: RuleSetVersionStore) => new RuleSetRegistry({ listeners: [store] }),
    },
    RuleSetReloader,
  ],
  exports: [RuleSetRegistry, RuleSetReloader, RuleSetVersionStore],
})
export class RulesModule {
  static forRoot(options: RulesModuleOptions): DynamicModule {
    return { module: RulesModule, providers: [{ provide: RULES_MODULE_OPTIONS, useValue: options }] };
  }
}
