import { EntityManager } from 'typeorm';

/**
 * Where the bytes of attachments live: a port, so an object store (S3-compatible, the authority's
 * document store) can replace the PostgreSQL adapter without touching the use cases. The manager
 * is the transaction of the metadata: the PostgreSQL adapter writes in it, so an attachment is
 * stored whole or not at all; an object-store adapter would write first and ignore it.
 */
export interface AttachmentStore {
  put(manager: EntityManager, attachmentId: string, content: Buffer): Promise<void>;
  /** The bytes, or undefined when none are stored under the id. */
  get(manager: EntityManager, attachmentId: string): Promise<Buffer | undefined>;
  /** Deletes the bytes (retention); an object-store adapter deletes the object. */
  delete(manager: EntityManager, attachmentId: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('AttachmentStore');
