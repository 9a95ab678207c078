import { Injectable } from '@nestjs/common';
import { ReloadReport } from '../domain/rule-set';
import { ReloadRequester } from '../registry/rule-set-registry';
import { RuleSetReloader } from '../registry/rule-set-reloader';
import { RuleSetReloadBroadcast } from './rule-set-reload-broadcast';

/**
 * An admin's reload (DESIGN.md §4): this process reloads RULES_DIR and answers with its outcome per
 * plugin; then every other API and worker process is told to do the same (RuleSetReloadBroadcast),
 * so all replicas screen with the same versions. Each process audits what it activated.
 */
@Injectable()
export class ReloadRuleSets {
  constructor(
    private readonly reloader: RuleSetReloader,
    private readonly broadcast: RuleSetReloadBroadcast,
  ) {}

  async execute(requestedBy: ReloadRequester): Promise<ReloadReport> {
    const report = await this.reloader.reload(requestedBy);
    await this.broadcast.announce(requestedBy);
    return report;
  }
}
