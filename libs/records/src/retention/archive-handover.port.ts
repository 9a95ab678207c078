/** Everything a case holds when its retention period ends, handed over before it is deleted. */
export interface ArchivePackage {
  caseNumber: string;
  journalNumber: string | null;
  closedAt: string;
  handedOverAt: string;
  case: Record<string, unknown>;
  application: Record<string, unknown>;
  subCases: Record<string, unknown>[];
  decisions: Record<string, unknown>[];
  permits: Record<string, unknown>[];
  hearings: Record<string, unknown>[];
  consultations: Record<string, unknown>[];
  notes: Record<string, unknown>[];
  supplementRequests: Record<string, unknown>[];
  journal: Record<string, unknown>[];
  attachments: { id: string; filename: string; mediaType: string; sha256: string; contentBase64: string }[];
}

/**
 * The port to the archive (arkivloven: records worth keeping go to the public archives; the rest
 * may be deleted only as Rigsarkivet's rules allow). `handOver` answers a reference to what the
 * archive received, or null when this installation hands nothing over (deletion only). It throws
 * when the archive did not take the package, and then nothing is deleted.
 */
export abstract class ArchiveHandover {
  abstract handOver(pkg: ArchivePackage): Promise<string | null>;
}

/** No archive configured (`ARCHIVE_EXPORT_DIR` unset): the data are deleted without a hand-over. */
export class NoArchiveHandover extends ArchiveHandover {
  async handOver(): Promise<null> {
    return null;
  }
}
