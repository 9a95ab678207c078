import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 separates an organisation's country from its sector. Drafts are rewritten: an applicant
 * organisation's `type` becomes `country` DK and a `sector`, except `foreign`, whose sector the old
 * form never asked (the applicant must choose it; until then the draft is incomplete); a Danish
 * partner's `type` becomes its `sector`. Submitted applications and cases are immutable and are
 * mapped when read instead (`upgradeApplication` in @kp/rules); stored screenings keep the content
 * and facts they saw. The version is not raised: the API already showed drafts in this shape.
 * The mappings are written out here so that the migration does not change if the code does.
 */
export class ApplicationOrganisation1795500300000 implements MigrationInterface {
  name = 'ApplicationOrganisation1795500300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE application
         SET content = jsonb_set(content, '{applicant,organisation}',
               ((content #> '{applicant,organisation}') - 'type') ||
               CASE content #>> '{applicant,organisation,type}'
                 WHEN 'danish_public_research' THEN '{"country": "DK", "sector": "public_research"}'::jsonb
                 WHEN 'danish_public_authority' THEN '{"country": "DK", "sector": "public_authority"}'::jsonb
                 WHEN 'danish_private' THEN '{"country": "DK", "sector": "private"}'::jsonb
                 ELSE '{}'::jsonb
               END)
       WHERE status = 'draft'
         AND content #>> '{applicant,organisation,type}' IN ('danish_public_research', 'danish_public_authority', 'danish_private', 'foreign')`);
    await q.query(`
      UPDATE application
         SET content = jsonb_set(content, '{danishPartner}',
               ((content -> 'danishPartner') - 'type') ||
               jsonb_build_object('sector', CASE content #>> '{danishPartner,type}'
                 WHEN 'danish_public_research' THEN 'public_research'
                 WHEN 'danish_public_authority' THEN 'public_authority'
                 WHEN 'non_commercial' THEN 'non_profit'
                 WHEN 'danish_private' THEN 'private'
               END))
       WHERE status = 'draft'
         AND content #>> '{danishPartner,type}' IN ('danish_public_research', 'danish_public_authority', 'non_commercial', 'danish_private')`);
  }

  /** Back to `type` where the old form had one; a Danish non-profit applicant or one without a sector keeps its fields. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE application
         SET content = jsonb_set(content, '{applicant,organisation}',
               ((content #> '{applicant,organisation}') - 'sector') ||
               jsonb_build_object('type', CASE
                 WHEN content #>> '{applicant,organisation,country}' <> 'DK' THEN 'foreign'
                 ELSE 'danish_' || (content #>> '{applicant,organisation,sector}')
               END))
       WHERE status = 'draft'
         AND (content #>> '{applicant,organisation,country}' <> 'DK'
              OR content #>> '{applicant,organisation,sector}' IN ('public_research', 'public_authority', 'private'))`);
    await q.query(`
      UPDATE application
         SET content = jsonb_set(content, '{danishPartner}',
               ((content -> 'danishPartner') - 'sector') ||
               jsonb_build_object('type', CASE content #>> '{danishPartner,sector}'
                 WHEN 'public_research' THEN 'danish_public_research'
                 WHEN 'public_authority' THEN 'danish_public_authority'
                 WHEN 'non_profit' THEN 'non_commercial'
                 WHEN 'private' THEN 'danish_private'
               END))
       WHERE status = 'draft' AND content #>> '{danishPartner,sector}' IN ('public_research', 'public_authority', 'non_profit', 'private')`);
  }
}
