import { Actor } from '@kp/auth';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { CaseFileRepository, TeamMemberRepository } from '@kp/cases';
import { applicationView, ApplicationView } from '../views/application.view';
import { ListApplicationsCommand } from './list-applications.command';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The researcher's own applications and those whose team they joined (read only), newest first, with stable cursor pagination. */
@Injectable()
export class ListApplications {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseFileRepository,
    private readonly team: TeamMemberRepository,
  ) {}

  async execute(actor: Actor, { limit, cursor }: ListApplicationsCommand): Promise<Page<ApplicationView>> {
    if (actor.role !== 'researcher') return { items: [], nextCursor: null };
    const memberships = await this.team.membershipsOf(this.db.manager, actor.sub);
    const rows = await this.applications.listOwn(this.db.manager, actor.sub, limit + 1, decodeKeysetCursor(cursor), memberships.map((m) => m.applicationId));
    const roleOf = (a: { id: string; applicantSub: string }) => (a.applicantSub === actor.sub ? 'applicant' : (memberships.find((m) => m.applicationId === a.id)?.teamRole ?? null));
    const page = rows.slice(0, limit);
    const items = await Promise.all(
      page.map(async ({ position: _, ...a }) => applicationView(a, a.caseId ? await this.cases.find(this.db.manager, a.caseId) : undefined, roleOf(a))),
    );
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.position, id: last.id }) : null };
  }
}
