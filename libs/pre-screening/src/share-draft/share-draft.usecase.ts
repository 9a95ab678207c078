import { ApplicationAccess } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { assertCommandAllowed } from '@kp/cases';
import { BusinessClock } from '@kp/clock';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreScreeningAccess } from '../domain/pre-screening-access';
import { ShareDraftCommand } from '../domain/pre-screening.commands';
import { shareView, DraftShareView } from '../domain/pre-screening.view';
import { PreScreeningRepository } from '../infrastructure/pre-screening.repository';

/**
 * Pre-screening help (issue 16, Findata's pre-screening): before submitting, the applicant shares
 * the draft with a region's data-support centre, whose advisors comment on it, so the application
 * arrives complete (DESIGN.md §8: most of the waiting is on incomplete applications). Advice only:
 * no decision, and the statutory clock has not started (EHDS art. 68(4) runs from submission).
 */
@Injectable()
export class ShareDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applicationAccess: ApplicationAccess,
    private readonly access: PreScreeningAccess,
    private readonly repo: PreScreeningRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: ShareDraftCommand): Promise<DraftShareView> {
    return this.db.transaction(async (manager) => {
      const application = await this.applicationAccess.own(manager, actor, command.applicationId, true);
      assertCommandAllowed(await this.access.stateOf(manager, application), actor.role, 'share_draft');
      const { share, created } = await this.repo.share(manager, { applicationId: application.id, region: command.region, message: command.message?.trim() || null, sharedBy: actor.sub, sharedAt: this.clock.now() });
      if (created) {
        const title = application.content.title ?? application.id;
        await this.notifier.notify(manager, {
          to: { role: 'advisor', region: command.region },
          kind: 'draft_shared',
          applicationId: application.id,
          title: { da: `Udkast til forhåndsvurdering: "${title}"`, en: `Draft for pre-screening: "${title}"` },
          body: {
            da: `En ansøger beder datastøttecenteret om bemærkninger til et udkast før indsendelse.${share.message ? `\n${share.message}` : ''}`,
            en: `An applicant asks the data-support centre to comment on a draft before submitting it.${share.message ? `\n${share.message}` : ''}`,
          },
        });
        await this.audit.append(manager, { actor, action: 'application.shared_for_pre_screening', subject: { type: 'application', id: application.id }, payload: { shareId: share.id, region: share.region } });
      }
      return shareView(share);
    });
  }
}
