import { CaseFileRepository, PublicCaseRow } from '@kp/cases';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { upgradeOrganisation } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicApplication, publicState } from './public-application';
import { ListPublicApplicationsCommand } from './list-public-applications.command';

/** Ties on the submission instant are broken by case number, which the register publishes. */
const CASE_NUMBER = /^EK-\d{4}-\d{6}$/;

export interface PublicApplicationPage {
  items: PublicApplication[];
  nextCursor: string | null;
}

/**
 * `GET /v1/public/applications`: every received application, newest first (EHDS art. 57(1)(j)),
 * with no token. Drafts are never listed: only submission opens a case. The kernel's query selects
 * the published fields only, so nothing else can leak through a mapping mistake.
 */
@Injectable()
export class ListPublicApplications {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
  ) {}

  async execute({ limit, cursor }: ListPublicApplicationsCommand): Promise<PublicApplicationPage> {
    const after = decodeKeysetCursor(cursor, { id: CASE_NUMBER });
    const rows = await this.cases.publicPage(this.db.manager, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toPublic),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.number }) : null,
    };
  }
}

function toPublic(row: PublicCaseRow): PublicApplication {
  return {
    caseNumber: row.number,
    title: row.title,
    applicantOrganisation: publicOrganisation(row),
    purposeCategory: row.purposeCategory,
    dataSources: row.dataSources.map((d) => ({ id: d.id, name: d.name })),
    receivedAt: row.receivedAt.toISOString(),
    state: publicState(row.state),
  };
}

/** Country and sector; content submitted before issue 10 is mapped from its `type`. */
function publicOrganisation(row: PublicCaseRow): PublicApplication['applicantOrganisation'] {
  const organisation = upgradeOrganisation({ country: row.orgCountry ?? undefined, sector: row.orgSector ?? undefined, ...(row.orgType ? { type: row.orgType } : {}) });
  return { name: row.orgName, country: organisation.country ?? null, sector: organisation.sector ?? null };
}
