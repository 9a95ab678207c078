import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AttachmentStore } from '../domain/attachment-store';

/**
 * The attachment store in PostgreSQL (`attachment_content`, bytea): one database to back up and
 * restore, and the bytes written in the same transaction as their metadata and audit event.
 */
@Injectable()
export class PostgresAttachmentStore implements AttachmentStore {
  async put(manager: EntityManager, attachmentId: string, content: Buffer): Promise<void> {
    await manager.query(`INSERT INTO attachment_content (attachment_id, content) VALUES ($1, $2)`, [attachmentId, content]);
  }

  async get(manager: EntityManager, attachmentId: string): Promise<Buffer | undefined> {
    const [row] = await manager.query(`SELECT content FROM attachment_content WHERE attachment_id = $1`, [attachmentId]);
    return row ? (row.content as Buffer) : undefined;
  }

  async delete(manager: EntityManager, attachmentId: string): Promise<void> {
    await manager.query(`DELETE FROM attachment_content WHERE attachment_id = $1`, [attachmentId]);
  }
}
