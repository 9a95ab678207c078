import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, the journal (journaliseringspligt, offentlighedsloven § 15): every case gets a journal
 * number in the authority's records system, and every document received or sent in it (the
 * application, requests for supplement and answers, hearings and answers, decisions with their letters, permits) a journal entry.
 * Entries are written by a job from the outbox and handed to the records system through a port.
 */
export class Journal1795640000000 implements MigrationInterface {
  name = 'Journal1795640000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key to the case: the journal is the records system's mirror and outlives the
    // case data that retention deletes (arkivloven).
    await q.query(`
      CREATE TABLE journal_case (
        case_id uuid PRIMARY KEY,
        case_number text NOT NULL UNIQUE,
        journal_number text NOT NULL UNIQUE,
        title text NOT NULL,
        opened_at timestamptz NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE journal_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES journal_case (case_id),
        sequence integer NOT NULL,
        document_number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('application', 'supplement_request', 'supplement_answer', 'hearing', 'hearing_answer', 'decision', 'permit')),
        document_id uuid NOT NULL,
        title text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'internal')),
        document_date timestamptz NOT NULL,
        registered_at timestamptz NOT NULL,
        UNIQUE (case_id, sequence),
        UNIQUE (kind, document_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE journal_document`);
    await q.query(`DROP TABLE journal_case`);
  }
}
