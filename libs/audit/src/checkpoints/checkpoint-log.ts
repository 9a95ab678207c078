import { closeSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINT_EXPORT_FORMAT, CheckpointExport, CheckpointKey, SignedCheckpoint } from '../domain/checkpoint';
import { parseCheckpointExport } from './export-checkpoints';

/** The file in `AUDIT_CHECKPOINT_EXPORT_DIR` that every new checkpoint is appended to. */
export const CHECKPOINT_LOG_FILE = 'checkpoints.jsonl';
export const CHECKPOINT_LINE_FORMAT = 'kontaktpunkt.audit.checkpoint-line.v1';

/** One line of the log: a signed checkpoint with the public key that verifies it, on its own. */
export interface CheckpointLine extends SignedCheckpoint {
  readonly format: typeof CHECKPOINT_LINE_FORMAT;
  readonly publicKey: string;
}

/**
 * Appends one signed checkpoint as a JSON line, opened O_APPEND (never truncated or rewritten) and
 * synced before returning, so it is on disk before the database commits the checkpoint (issue 13).
 * Made for storage the app may append to but not rewrite: a file with `chattr +a` in a directory of
 * another OS user (docs/security.md); then even the app's OS user cannot take a line back.
 */
export function appendCheckpointLine(dir: string, checkpoint: SignedCheckpoint, publicKey: string): void {
  const line: CheckpointLine = { format: CHECKPOINT_LINE_FORMAT, ...checkpoint, publicKey };
  const fd = openSync(join(dir, CHECKPOINT_LOG_FILE), 'a', 0o640);
  try {
    // One write call per line: appends of one line never interleave with another process's.
    writeSync(fd, `${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads a checkpoint log into the shape `AuditVerifier.verify({ checkpoints })` takes. */
export function parseCheckpointLog(text: string): CheckpointExport {
  const keys = new Map<string, CheckpointKey>();
  const checkpoints: SignedCheckpoint[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let line: Partial<CheckpointLine>;
    try {
      line = JSON.parse(raw) as Partial<CheckpointLine>;
    } catch {
      throw new Error(`line ${index + 1} of the checkpoint log is not JSON`);
    }
    if (line.format !== CHECKPOINT_LINE_FORMAT || typeof line.publicKey !== 'string' || typeof line.keyId !== 'string') {
      throw new Error(`line ${index + 1} of the checkpoint log is not a checkpoint (expected format "${CHECKPOINT_LINE_FORMAT}")`);
    }
    keys.set(line.keyId, { keyId: line.keyId, publicKey: line.publicKey });
    checkpoints.push({ seq: Number(line.seq), hash: String(line.hash), at: String(line.at), keyId: line.keyId, signature: String(line.signature) });
  });
  return { format: CHECKPOINT_EXPORT_FORMAT, exportedAt: new Date().toISOString(), keys: [...keys.values()], checkpoints };
}

/**
 * The checkpoints to hold the chain against, from the export directory (its checkpoints.jsonl), a
 * checkpoint log file, or a file written by `npm run audit -- checkpoint export`.
 */
export function loadCheckpointEvidence(path: string): CheckpointExport {
  const file = statSync(path).isDirectory() ? join(path, CHECKPOINT_LOG_FILE) : path;
  const text = readFileSync(file, 'utf8');
  const first = text.trimStart().split('\n', 1)[0];
  return first.includes(CHECKPOINT_LINE_FORMAT) ? parseCheckpointLog(text) : parseCheckpointExport(text);
}
