import { ApplicationAccess, ApplicationRepository } from '@kp/applications';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreScreeningCommand } from '../domain/pre-screening.commands';
import { commentView, DraftCommentView, DraftShareView, shareView } from '../domain/pre-screening.view';
import { PreScreeningRepository } from '../infrastructure/pre-screening.repository';

/**
 * A draft's pre-screening: the regions it was shared with and their comments. The applicant and the
 * team read all of it; an advisor only their own region's share and comments, and only while the
 * draft is shared with them and not yet submitted.
 */
@Injectable()
export class ReadPreScreening {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applicationAccess: ApplicationAccess,
    private readonly repo: PreScreeningRepository,
  ) {}

  async execute(actor: Actor, { applicationId }: PreScreeningCommand): Promise<{ shares: DraftShareView[]; comments: DraftCommentView[] }> {
    const manager = this.db.manager;
    const application = await this.applicationAccess.readable(manager, actor, applicationId);
    const region = actor.role === 'advisor' ? actor.region : undefined;
    return { shares: (await this.repo.sharesOf(manager, application.id, region)).map(shareView), comments: (await this.repo.comments(manager, application.id, region)).map(commentView) };
  }
}

/** The drafts shared with the advisor's region and not yet submitted, newest first: the centre's pre-screening queue. */
@Injectable()
export class ListSharedDrafts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: PreScreeningRepository,
    private readonly applications: ApplicationRepository,
  ) {}

  async execute(actor: Actor): Promise<{ items: (DraftShareView & { title: string | null })[] }> {
    if (actor.role !== 'advisor' || !actor.region) return { items: [] };
    const items = [];
    for (const share of await this.repo.sharedWith(this.db.manager, actor.region, 200)) {
      const application = await this.applications.find(this.db.manager, share.applicationId);
      if (application?.status === 'draft') items.push({ ...shareView(share), title: application.content.title ?? null });
    }
    return { items };
  }
}
