import { PluginVersion, RuleSetActivation, RuleSetVersionStore } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../append-event/audit-log';
import { SYSTEM_ACTOR } from '../domain/audit-event';

export const RULE_SET_ACTIVATED = 'rule_set.activated';

/**
 * Every plugin version a process activates is an audit event (DESIGN.md §7), appended in the
 * transaction that stores the version for replay, so a version is never in force unrecorded.
 * Registered on the store when this provider is built, i.e. before the start-up load, which runs
 * in `RuleSetReloader.onModuleInit`.
 */
@Injectable()
export class RuleSetActivationAudit {
  constructor(store: RuleSetVersionStore, private readonly audit: AuditLog) {
    store.onActivation((manager, version, activation) => this.record(manager, version, activation));
  }

  async record(manager: EntityManager, version: PluginVersion, { requestedBy, newlyStored }: RuleSetActivation): Promise<void> {
    await this.audit.append(manager, {
      actor: requestedBy ? { sub: requestedBy.sub, role: requestedBy.role, organisation: requestedBy.organisation ?? null } : SYSTEM_ACTOR,
      action: RULE_SET_ACTIVATED,
      subject: { type: 'rule_set', id: version.id },
      payload: {
        pluginId: version.id,
        version: version.version,
        sha256: version.sha256,
        trigger: requestedBy ? 'reload' : 'start',
        newlyStored,
        dataSources: version.content.manifest.dataSources.map((d) => d.id),
      },
    });
  }
}
