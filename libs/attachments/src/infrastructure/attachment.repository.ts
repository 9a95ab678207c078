import { camel, isUuid, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AttachmentRecord } from '../domain/records';

/** The one repository of `attachment`: the metadata of documents attached to applications and cases. */
@Injectable()
export class AttachmentRepository {
  async insert(manager: EntityManager, a: Omit<AttachmentRecord, 'id'>): Promise<AttachmentRecord> {
    const [row] = await manager.query(
      `INSERT INTO attachment (application_id, case_id, kind, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_by_role, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [a.applicationId, a.caseId, a.kind, a.filename, a.mediaType, a.sizeBytes, a.sha256, a.uploadedBy, a.uploadedByRole, a.uploadedAt],
    );
    return camel(row);
  }

  async find(manager: EntityManager, id: string): Promise<AttachmentRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM attachment WHERE id = $1`, [id]);
    return row ? camel(row) : undefined;
  }

  /** Everything attached to an application, on its draft and on its case, oldest first. */
  async forApplication(manager: EntityManager, applicationId: string): Promise<AttachmentRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM attachment WHERE application_id = $1 ORDER BY uploaded_at, id`, [applicationId]));
  }

  /** Retention: the metadata go after the bytes (see ApplicationAttachmentFiles). */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM attachment WHERE id = $1`, [id]);
  }
}
