import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveHandover, ArchivePackage } from './archive-handover.port';

/**
 * Hands a case over as one JSON package (`arkivpakke-<case number>.json`) in `ARCHIVE_EXPORT_DIR`,
 * for the authority's conversion to an archival version (arkiveringsversion) for Rigsarkivet
 * [check the format with the archive]. Written under a temporary name and renamed; the reference
 * returned is the file name and the SHA-256 of its bytes, which the audit event keeps.
 */
export class FileArchiveHandover extends ArchiveHandover {
  constructor(private readonly directory: string) {
    super();
  }

  async handOver(pkg: ArchivePackage): Promise<string> {
    await mkdir(this.directory, { recursive: true });
    const name = `arkivpakke-${pkg.caseNumber}.json`;
    const body = JSON.stringify({ format: 'kontaktpunkt-arkivpakke/1', ...pkg }, null, 2);
    const target = join(this.directory, name);
    await writeFile(`${target}.partial`, body, { mode: 0o640 });
    await rename(`${target}.partial`, target);
    return `${name} sha256:${createHash('sha256').update(body).digest('hex')}`;
  }
}
