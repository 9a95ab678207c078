import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attached documents are journalised too (offentlighedsloven § 15): a journal entry of kind `attachment`. */
export class JournalAttachments1795760000000 implements MigrationInterface {
  name = 'JournalAttachments1795760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journal_document DROP CONSTRAINT journal_document_kind_check`);
    await q.query(`
      ALTER TABLE journal_document ADD CONSTRAINT journal_document_kind_check
        CHECK (kind IN ('application', 'supplement_request', 'supplement_answer', 'hearing', 'hearing_answer', 'decision', 'permit', 'attachment'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM journal_document WHERE kind = 'attachment'`);
    await q.query(`ALTER TABLE journal_document DROP CONSTRAINT journal_document_kind_check`);
    await q.query(`
      ALTER TABLE journal_document ADD CONSTRAINT journal_document_kind_check
        CHECK (kind IN ('application', 'supplement_request', 'supplement_answer', 'hearing', 'hearing_answer', 'decision', 'permit'))`);
  }
}
