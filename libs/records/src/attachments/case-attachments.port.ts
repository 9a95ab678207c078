import { EntityManager } from 'typeorm';

/** A file attached to a case (the protocol, the ethics committee's letter, a hearing answer…). */
export interface CaseAttachment {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  attachedAt: Date;
  /** The bytes, read only when an export needs them. */
  read(): Promise<Buffer>;
}

/**
 * The port through which the records duties reach a case's attachments, which another library
 * owns: the archive hand-over and the access-to-files export include them, and retention erases
 * them with the rest of the case's data. Until an attachment store exists, `NoAttachments` is bound.
 */
export abstract class CaseAttachments {
  abstract forCase(manager: EntityManager, caseId: string): Promise<CaseAttachment[]>;
  /** Deletes the case's attachments; answers how many went. */
  abstract eraseForRetention(manager: EntityManager, caseId: string): Promise<number>;
}

/** No attachment store in this build: every case has none. */
export class NoAttachments extends CaseAttachments {
  async forCase(): Promise<CaseAttachment[]> {
    return [];
  }

  async eraseForRetention(): Promise<number> {
    return 0;
  }
}
