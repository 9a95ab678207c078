import { DataSource, EntityManager } from 'typeorm';
import { PluginVersion, RuleSetContent, RuleSetRef } from '../domain/rule-set';
import { ReloadRequester, RuleSetVersionListener } from '../registry/rule-set-registry';

export interface StoredRuleSetVersion extends PluginVersion {
  loadedAt: string;
}

/** What an activation hook learns besides the version. */
export interface RuleSetActivation {
  /** The admin who asked for the reload; absent for the start-up load. */
  requestedBy?: ReloadRequester;
  /** False when this content was stored before (a restart, or a return to an earlier version). */
  newlyStored: boolean;
}

/**
 * Runs in the transaction that stores an activated version (e.g. to append the audit event):
 * if it throws, the version is neither stored nor activated.
 */
export type RuleSetActivationHook = (manager: EntityManager, version: PluginVersion, activation: RuleSetActivation) => Promise<void>;

interface Row {
  id: string;
  version: string;
  sha256: string;
  content: RuleSetContent;
  loaded_at: Date;
}

const toVersion = (row: Row): StoredRuleSetVersion => ({
  id: row.id,
  version: row.version,
  sha256: row.sha256,
  content: row.content,
  loadedAt: row.loaded_at.toISOString(),
});

/**
 * Keeps every plugin version the registry loads (id, version, sha256, content, loaded at), so a
 * screening that recorded `ruleSets` can be replayed with `replayScreening` years later.
 * Raw SQL on the app's DataSource; pass a transaction's EntityManager to read inside it.
 */
export class RuleSetVersionStore implements RuleSetVersionListener {
  private readonly activationHooks: RuleSetActivationHook[] = [];

  /** Without a DataSource (an app with no database) loading works and nothing is stored. */
  constructor(private readonly dataSource?: DataSource) {}

  get persistent(): boolean {
    return this.dataSource !== undefined;
  }

  /** Registers a hook run with every activated version, in the transaction that stores it. */
  onActivation(hook: RuleSetActivationHook): void {
    this.activationHooks.push(hook);
  }

  async versionLoaded(version: PluginVersion, requestedBy?: ReloadRequester): Promise<void> {
    if (!this.dataSource) return;
    await this.dataSource.transaction(async (manager) => {
      const newlyStored = await this.save(version, manager);
      for (const hook of this.activationHooks) await hook(manager, version, { requestedBy, newlyStored });
    });
  }

  private get manager(): EntityManager {
    if (!this.dataSource) throw new Error('RuleSetVersionStore has no DataSource: import PersistenceModule (TypeORM) to store rule-set versions');
    return this.dataSource.manager;
  }

  /** Stores a version; storing the same content again keeps the first loaded_at. True when it was new. */
  async save(version: PluginVersion, manager: EntityManager = this.manager): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO rule_set_version (id, version, sha256, content, loaded_at)
       VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (id, sha256) DO NOTHING RETURNING id`,
      [version.id, version.version, version.sha256, JSON.stringify(version.content)],
    );
    return inserted.length > 0;
  }

  /** The stored versions a screening recorded, in the order given; throws if one is missing. */
  async versionsFor(refs: RuleSetRef[], manager: EntityManager = this.manager): Promise<StoredRuleSetVersion[]> {
    if (refs.length === 0) return [];
    const rows: Row[] = await manager.query(
      `SELECT id, version, sha256, content, loaded_at FROM rule_set_version
       WHERE (id, sha256) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [refs.map((r) => r.id), refs.map((r) => r.sha256)],
    );
    return refs.map((ref) => {
      const row = rows.find((r) => r.id === ref.id && r.sha256 === ref.sha256);
      if (!row) throw new Error(`rule set ${ref.id}@${ref.version} (${ref.sha256}) is not stored`);
      return toVersion(row);
    });
  }

  /** Every stored version of one plugin, newest first. */
  async history(pluginId: string, manager: EntityManager = this.manager): Promise<StoredRuleSetVersion[]> {
    const rows: Row[] = await manager.query(
      `SELECT id, version, sha256, content, loaded_at FROM rule_set_version WHERE id = $1 ORDER BY loaded_at DESC, version DESC`,
      [pluginId],
    );
    return rows.map(toVersion);
  }
}
