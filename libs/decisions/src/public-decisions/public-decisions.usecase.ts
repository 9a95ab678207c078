import { decodeKeysetCursor, encodeKeysetCursor, keysetKeySql } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The public register of decisions and permits (EHDS art. 57(1)(j)): outcome and reasons of every
 * issued decision, published at once — well within the 30 working days the regulation allows, which
 * each entry states. No personal data: neither applicant persons nor deciding persons are named.
 */
@Injectable()
export class PublicDecisions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(limit: number, cursor?: string) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.db.query(
      `SELECT d.id, ${keysetKeySql('d.issued_at')} AS position, d.issued_at, d.publish_by, d.outcome, d.deciding_authority, d.legal_basis, d.reasoning,
              d.conditions, d.supersedes_id, c.number AS case_number, c.applicant_org_name, c.content->>'title' AS title,
              c.content->>'purposeCategory' AS purpose_category, s.data_source_id, s.data_source_name, s.track,
              p.number AS permit_number, p.state AS permit_state, p.valid_from, p.valid_until
         FROM decision d
         JOIN case_file c ON c.id = d.case_id
         JOIN sub_case s ON s.id = d.sub_case_id
         LEFT JOIN permit p ON p.case_id = d.case_id AND p.state <> 'superseded' AND p.approved_parts @> jsonb_build_array(jsonb_build_object('decisionId', d.id::text))
        WHERE ($1::timestamptz IS NULL OR (d.issued_at, d.id) < ($1::timestamptz, $2::uuid))
        ORDER BY d.issued_at DESC, d.id DESC
        LIMIT $3`,
      [after?.key ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r: Record<string, any>) => ({
        decisionId: r.id,
        caseNumber: r.case_number,
        title: r.title,
        applicantOrganisation: r.applicant_org_name,
        purposeCategory: r.purpose_category,
        dataSource: { id: r.data_source_id, name: r.data_source_name },
        track: r.track,
        decidingAuthority: r.deciding_authority,
        outcome: r.outcome,
        legalBasis: r.legal_basis,
        reasoning: r.reasoning,
        conditions: r.conditions,
        supersedes: r.supersedes_id,
        decidedAt: new Date(r.issued_at).toISOString(),
        publishBy: new Date(r.publish_by).toISOString(),
        permit: r.permit_number ? { number: r.permit_number, state: r.permit_state, validFrom: new Date(r.valid_from).toISOString(), validUntil: new Date(r.valid_until).toISOString() } : null,
      })),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.id }) : null,
    };
  }
}
