import { EntityManager } from 'typeorm';

/** A file attached to a case (the protocol, the ethics committee's letter, a hearing answer…). */
export interface CaseAttachment {
  id: string;
  /** What it is (`protocol`, `legal_opinion`…, as the attachments library names it). */
  kind: string;
  /** The role of whoever attached it: the applicant's team (`researcher`) or contact-point staff. */
  attachedByRole: string;
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
 * them with the rest of the case's data. The adapter is `AttachmentStoreCaseAttachments`.
 */
export abstract class CaseAttachments {
  /** Everything attached to the case and, before it, to its application's draft. */
  abstract forCase(manager: EntityManager, c: CaseRef): Promise<CaseAttachment[]>;
  /** Deletes the case's attachments, bytes and metadata; answers how many went. */
  abstract eraseForRetention(manager: EntityManager, c: CaseRef): Promise<number>;
}

/** A case and the application it was made from (a document attached to the draft follows it into the case). */
export interface CaseRef {
  id: string;
  applicationId: string;
}
