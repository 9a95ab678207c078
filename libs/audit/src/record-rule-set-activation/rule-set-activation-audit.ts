import { PROCESS_IDENTITY, ProcessIdentity } from '@kp/config';
import { PluginVersion, RuleSetActivation, RuleSetVersionStore } from '@kp/rules';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../append-event/audit-log';
import { SYSTEM_ACTOR } from '../domain/audit-event';

export const RULE_SET_ACTIVATED = 'rule_set.activated';

/**
 * Every plugin version a process activates is an audit event (DESIGN.md §7), appended in the
 * transaction that stores the version for replay, so a version is never in force unrecorded.
 * Each API and worker process records its own activations, naming itself (`process`), so the trail
 * shows which replica screened with which version and when it switched: `trigger` is `start`,
 * `reload` (the process that took the admin's request) or `broadcast` (a process that followed it,
 * with `via` the one that took it).
 * Registered on the store when this provider is built, i.e. before the start-up load, which runs
 * in `RuleSetReloader.onModuleInit`.
 */
@Injectable()
export class RuleSetActivationAudit {
  constructor(
    store: RuleSetVersionStore,
    private readonly audit: AuditLog,
    @Optional() @Inject(PROCESS_IDENTITY) private readonly identity?: ProcessIdentity,
  ) {
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
        trigger: requestedBy ? (requestedBy.via ? 'broadcast' : 'reload') : 'start',
        ...(requestedBy?.via ? { via: requestedBy.via } : {}),
        process: this.identity ? { id: this.identity.id, role: this.identity.role, host: this.identity.host, pid: this.identity.pid } : null,
        newlyStored,
        dataSources: version.content.manifest.dataSources.map((d) => d.id),
      },
    });
  }
}
