import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { resolve } from 'node:path';
import { formatProblem, ReloadReport } from '../domain/rule-set';
import { ReloadRequester, RuleSetRegistry } from './rule-set-registry';

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
