import { SignedCheckpoint } from '../domain/checkpoint';
import { isoFromMicros } from '../infrastructure/audit-event.row';

export interface CheckpointRow {
  seq: string;
  hash: string;
  at: string;
  key_id: string;
  public_key: string;
  signature: string;
}

export const CHECKPOINT_COLUMNS = `seq, hash, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  key_id, public_key, signature`;

export function toSignedCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { seq: Number(row.seq), hash: row.hash, at: isoFromMicros(row.at), keyId: row.key_id, signature: row.signature };
}
