import { decodeKeysetCursor, encodeKeysetCursor, keysetKeySql } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicApplication, publicState } from './public-application';

/** Ties on the submission instant are broken by case number, which the register publishes. */
const CASE_NUMBER = /^EK-\d{4}-\d{6}$/;

export interface PublicApplicationPage {
  items: PublicApplication[];
  nextCursor: string | null;
}

interface Row {
  number: string;
  title: string | null;
  org_name: string | null;
  org_type: string | null;
  purpose_category: string | null;
  state: string;
  received_at: Date;
  /** submitted_at with microseconds, the exact cursor key. */
  position: string;
  data_sources: { id: string; name: string }[];
}

/**
 * `GET /v1/public/applications`: every received application, newest first (EHDS art. 57(1)(j)),
 * with no token. Drafts are never listed: only submission opens a case. The SQL selects the
 * published fields only, so nothing else can leak through a mapping mistake.
 */
@Injectable()
export class ListPublicApplications {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(limit: number, cursor?: string): Promise<PublicApplicationPage> {
    const after = decodeKeysetCursor(cursor, { id: CASE_NUMBER });
    const rows = (await this.db.query(
      `SELECT c.number,
              c.content->>'title' AS title,
              c.applicant_org_name AS org_name,
              c.content#>>'{applicant,organisation,type}' AS org_type,
              c.content->>'purposeCategory' AS purpose_category,
              c.state,
              c.submitted_at AS received_at,
              ${keysetKeySql('c.submitted_at')} AS position,
              COALESCE((SELECT json_agg(json_build_object('id', s.data_source_id, 'name', s.data_source_name) ORDER BY s.position)
                          FROM sub_case s WHERE s.case_id = c.id), '[]'::json) AS data_sources
         FROM case_file c
        WHERE $1::timestamptz IS NULL OR (c.submitted_at, c.number) < ($1::timestamptz, $2::text)
        ORDER BY c.submitted_at DESC, c.number DESC
        LIMIT $3`,
      [after?.key ?? null, after?.id ?? null, limit + 1],
    )) as Row[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toPublic),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.number }) : null,
    };
  }
}

function toPublic(row: Row): PublicApplication {
  return {
    caseNumber: row.number,
    title: row.title,
    applicantOrganisation: { name: row.org_name, type: row.org_type },
    purposeCategory: row.purpose_category,
    dataSources: row.data_sources.map((d) => ({ id: d.id, name: d.name })),
    receivedAt: row.received_at.toISOString(),
    state: publicState(row.state),
  };
}
