import { ApplicationRepository, applicationView, ApplicationView } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StartAmendmentCommand } from './start-amendment.command';
import { RunningPermit } from './running-permit';

/**
 * A researcher applies to amend a running permit (issue 15): more variables, another source, a
 * longer period, another named researcher. The draft starts as what the permit rests on, so nothing
 * is entered twice; the researcher changes it, checks and submits it like an application, and only
 * the change is screened and decided (EHDS art. 67–68, the same clock rules).
 */
@Injectable()
export class StartAmendment {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly running: RunningPermit,
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { permitId }: StartAmendmentCommand): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const { permit, c } = await this.running.ownActive(manager, actor, permitId, this.clock.now());
      const amends = await this.running.changeRef(manager, permit, c);
      const draft = await this.applications.insert(manager, actor.sub, actor.organisation ?? null, amends.baseContent, { kind: 'amendment', amends });
      await this.audit.append(manager, {
        actor,
        action: 'permit.amendment_drafted',
        subject: { type: 'case', id: c.number },
        payload: { applicationId: draft.id, permitId: permit.id, permitNumber: permit.number, permitVersion: permit.version },
      });
      return applicationView(draft);
    });
  }
}
