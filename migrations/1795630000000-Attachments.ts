import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, attachments: documents attached to an application's draft or case (the protocol, the
 * ethics committee's answer, the record of processing, contracts; hearing answers and legal
 * opinions by staff). The metadata with the SHA-256 of the bytes in `attachment`; the bytes in
 * `attachment_content`, the PostgreSQL adapter of the attachment store (an object store may replace it).
 */
export class Attachments1795630000000 implements MigrationInterface {
  name = 'Attachments1795630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application (id),
        case_id uuid REFERENCES case_file (id),
        kind text NOT NULL CHECK (kind IN ('protocol', 'ethics_approval', 'record_of_processing', 'contract', 'hearing_answer', 'legal_opinion', 'correspondence', 'other')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 300),
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text NOT NULL,
        uploaded_by_role text NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX attachment_application ON attachment (application_id, uploaded_at, id)`);
    await q.query(`
      CREATE TABLE attachment_content (
        attachment_id uuid PRIMARY KEY REFERENCES attachment (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
    // PDFs, images and office files are compressed already: store them out of line without trying again.
    await q.query(`ALTER TABLE attachment_content ALTER COLUMN content SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment_content`);
    await q.query(`DROP TABLE attachment`);
  }
}
