import { CaseFileRepository, SubCaseRepository } from '@kp/cases';
import { decodeKeysetCursor, encodeKeysetCursor, keysetKeySql } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicDecisionsCommand } from './public-decisions.command';

/**
 * The public register of decisions and permits (EHDS art. 57(1)(j)): outcome and reasons of every
 * issued decision, published at once — well within the 30 working days the regulation allows, which
 * each entry states. No personal data: neither applicant persons nor deciding persons are named.
 */
@Injectable()
export class PublicDecisions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
  ) {}

  async execute({ limit, cursor }: PublicDecisionsCommand) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.db.query(
      `SELECT d.id, ${keysetKeySql('d.issued_at')} AS position, d.issued_at, d.publish_by, d.outcome, d.deciding_authority, d.legal_basis, d.reasoning,
              d.conditions, d.supersedes_id, d.case_id, d.sub_case_id, d.track,
              p.number AS permit_number, p.version AS permit_version, p.state AS permit_state, p.valid_from, p.valid_until
         FROM decision d
         -- The version the decision is part of now: an amendment carries unchanged parts, with their decisions, into the next version.
         LEFT JOIN LATERAL (
           SELECT * FROM permit p WHERE p.state <> 'superseded' AND p.approved_parts @> jsonb_build_array(jsonb_build_object('decisionId', d.id::text)) ORDER BY p.version DESC LIMIT 1
         ) p ON true
        WHERE ($1::timestamptz IS NULL OR (d.issued_at, d.id) < ($1::timestamptz, $2::uuid))
        ORDER BY d.issued_at DESC, d.id DESC
        LIMIT $3`,
      [after?.key ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    // The case's published fields come from the case kernel, which owns them.
    const cases = new Map((await this.cases.summaries(this.db.manager, [...new Set<string>(page.map((r: Record<string, any>) => r.case_id as string))])).map((c) => [c.id, c]));
    // The chain of each permit's versions (issue 15): which case gave each, so amendments and extensions are traceable.
    const numbers = [...new Set<string>(page.map((r: Record<string, any>) => r.permit_number).filter(Boolean))];
    const versionRows: Record<string, any>[] = numbers.length ? await this.db.query(`SELECT number, version, case_id, state, issued_at FROM permit WHERE number = ANY($1::text[]) ORDER BY number, version`, [numbers]) : [];
    const versionCases = new Map((await this.cases.summaries(this.db.manager, [...new Set(versionRows.map((v) => v.case_id as string))])).map((c) => [c.id, c]));
    const chain = (number: string) =>
      versionRows.filter((v) => v.number === number).map((v) => ({ version: v.version, caseNumber: versionCases.get(v.case_id)?.number ?? '', kind: versionCases.get(v.case_id)?.kind ?? 'application', state: v.state, issuedAt: new Date(v.issued_at).toISOString() }));
    const subCases = new Map((await this.subCases.findMany(this.db.manager, page.map((r: Record<string, any>) => r.sub_case_id as string))).map((s) => [s.id, s]));
    return {
      items: page.map((r: Record<string, any>) => ({
        decisionId: r.id,
        caseNumber: cases.get(r.case_id)!.number,
        caseKind: cases.get(r.case_id)!.kind,
        title: cases.get(r.case_id)!.title,
        applicantOrganisation: cases.get(r.case_id)!.applicantOrgName,
        purposeCategory: cases.get(r.case_id)!.purposeCategory,
        dataSource: { id: subCases.get(r.sub_case_id)!.dataSourceId, name: subCases.get(r.sub_case_id)!.dataSourceName },
        track: r.track,
        decidingAuthority: r.deciding_authority,
        outcome: r.outcome,
        legalBasis: r.legal_basis,
        reasoning: r.reasoning,
        conditions: r.conditions,
        supersedes: r.supersedes_id,
        decidedAt: new Date(r.issued_at).toISOString(),
        publishBy: new Date(r.publish_by).toISOString(),
        permit: r.permit_number
          ? { number: r.permit_number, version: r.permit_version, state: r.permit_state, validFrom: new Date(r.valid_from).toISOString(), validUntil: new Date(r.valid_until).toISOString(), versions: chain(r.permit_number) }
          : null,
      })),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.id }) : null,
    };
  }
}
