import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, revocation hearing: before a permit is revoked its holder is heard, with at most four
 * weeks to answer (EHDS art. 63 from 2029; forvaltningsloven § 19 now), or the approver records
 * why the matter could not wait (§ 19, stk. 2). The party hearing table gains the hearing's
 * subject: a refusal of a part (sub-case) or the revocation of a permit.
 */
export class RevocationHearings1795620000000 implements MigrationInterface {
  name = 'RevocationHearings1795620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_hearing ADD COLUMN subject text NOT NULL DEFAULT 'refusal' CHECK (subject IN ('refusal', 'revocation'))`);
    await q.query(`ALTER TABLE party_hearing ADD COLUMN permit_id uuid REFERENCES permit (id)`);
    await q.query(`ALTER TABLE party_hearing ALTER COLUMN sub_case_id DROP NOT NULL`);
    await q.query(`ALTER TABLE party_hearing ADD CONSTRAINT party_hearing_subject_object CHECK ((subject = 'revocation') = (permit_id IS NOT NULL) AND (subject = 'refusal') = (sub_case_id IS NOT NULL))`);
    await q.query(`CREATE INDEX party_hearing_permit ON party_hearing (permit_id, sent_at) WHERE permit_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM party_hearing WHERE subject = 'revocation'`);
    await q.query(`DROP INDEX party_hearing_permit`);
    await q.query(`ALTER TABLE party_hearing DROP CONSTRAINT party_hearing_subject_object`);
    await q.query(`ALTER TABLE party_hearing ALTER COLUMN sub_case_id SET NOT NULL`);
    await q.query(`ALTER TABLE party_hearing DROP COLUMN permit_id`);
    await q.query(`ALTER TABLE party_hearing DROP COLUMN subject`);
  }
}
