import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: each new audit event stores the exact bytes its hash covers (after the previous hash):
 * the RFC 8785 canonical JSON of its body, as UTF-8. The verifier hashes these bytes as they are
 * instead of rebuilding them from the columns, and separately checks that the columns say what the
 * bytes say. Events written before this column have none and keep being verified from their
 * columns: the table is insert-only, so they cannot be back-filled.
 */
export class AuditCanonicalBytes1795720000000 implements MigrationInterface {
  name = 'AuditCanonicalBytes1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN canonical bytea`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP COLUMN canonical`);
  }
}
