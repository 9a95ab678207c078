import { EntityManager } from 'typeorm';
import { CHECKPOINT_EXPORT_FORMAT, CheckpointExport, CheckpointKey } from '../domain/checkpoint';
import { CHECKPOINT_COLUMNS, CheckpointRow, toSignedCheckpoint } from './checkpoint.row';

/**
 * All stored checkpoints with the public keys that verify them, in seq order, for
 * `npm run audit -- checkpoint export`. Keep the file outside the database (e.g. with supervision):
 * only then does it catch a rewrite by someone who controls the database.
 */
export async function exportCheckpoints(manager: EntityManager): Promise<CheckpointExport> {
  const rows = (await manager.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoint ORDER BY seq, key_id`,
  )) as CheckpointRow[];
  const keys = new Map<string, CheckpointKey>();
  for (const row of rows) keys.set(row.key_id, { keyId: row.key_id, publicKey: row.public_key });
  return {
    format: CHECKPOINT_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    keys: [...keys.values()],
    checkpoints: rows.map(toSignedCheckpoint),
  };
}

/** Reads an export file's JSON, refusing anything that is not one. */
export function parseCheckpointExport(text: string): CheckpointExport {
  const value = JSON.parse(text) as Partial<CheckpointExport>;
  if (value?.format !== CHECKPOINT_EXPORT_FORMAT || !Array.isArray(value.keys) || !Array.isArray(value.checkpoints)) {
    throw new Error(`not a checkpoint export (expected format "${CHECKPOINT_EXPORT_FORMAT}")`);
  }
  return value as CheckpointExport;
}
