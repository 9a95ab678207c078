import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReloadRuleSets } from './broadcast-reload/reload-rule-sets.usecase';
import { RuleSetReloadBroadcast } from './broadcast-reload/rule-set-reload-broadcast';
import { RuleSetVersionStore } from './infrastructure/rule-set-version.store';
import { RuleSetRegistry } from './registry/rule-set-registry';
import { RULES_MODULE_OPTIONS, RulesModuleOptions, RuleSetReloader } from './registry/rule-set-reloader';

export { RULES_MODULE_OPTIONS, RuleSetReloader } from './registry/rule-set-reloader';
export type { RulesModuleOptions } from './registry/rule-set-reloader';

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
    RuleSetReloadBroadcast,
    ReloadRuleSets,
  ],
  exports: [RuleSetRegistry, RuleSetReloader, RuleSetVersionStore, ReloadRuleSets],
})
export class RulesModule {
  static forRoot(options: RulesModuleOptions): DynamicModule {
    return { module: RulesModule, providers: [{ provide: RULES_MODULE_OPTIONS, useValue: options }] };
  }
}
