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
  /** Appeals and reopening requests, with grounds and the authority's statements. */
  reconsiderations: Record<string, unknown>[];
  /** Every draft of a decision, issued or returned (with the reason it was returned). */
  decisionDrafts: Record<string, unknown>[];
  /** Every screening by the rule engine, with the application it judged and its trace. */
  screenings: Record<string, unknown>[];
  legalMatters: Record<string, unknown>[];
  /** The statutory clock's events, with the reasons given for pauses and extensions. */
  clockEvents: Record<string, unknown>[];
  /** Co-applicants and named researchers invited to read the case. */
  team: Record<string, unknown>[];
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
