import { DataSource, EntityManager } from 'typeorm';
import { PluginVersion, RuleSetContent, RuleSetRef } from '../domain/rule-set';
import { RuleSetVersionListener } from '../registry/rule-set-registry';

export interface StoredRuleSetVersion extends PluginVersion {
  loadedAt: string;
}

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
  /** Without a DataSource (an app with no database) loading works and nothing is stored. */
  constructor(private readonly dataSource?: DataSource) {}

  get persistent(): boolean {
    return this.dataSource !== undefined;
  }

  async versionLoaded(version: PluginVersion): Promise<void> {
    if (this.dataSource) await this.save(version);
  }

  private get manager(): EntityManager {
    if (!this.dataSource) throw new Error('RuleSetVersionStore has no DataSource: import PersistenceModule (TypeORM) to store rule-set versions');
    return this.dataSource.manager;
  }

  /** Stores a version; storing the same content again keeps the first loaded_at. */
  async save(version: PluginVersion, manager: EntityManager = this.manager): Promise<void> {
    await manager.query(
      `INSERT INTO rule_set_version (id, version, sha256, content, loaded_at)
       VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (id, sha256) DO NOTHING`,
      [version.id, version.version, version.sha256, JSON.stringify(version.content)],
    );
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
