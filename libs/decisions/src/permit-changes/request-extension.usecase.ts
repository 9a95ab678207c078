import { ApplicationRepository, SubmitApplication } from '@kp/applications';
import { Actor } from '@kp/auth';
import { CaseRecord } from '@kp/cases';
import { BusinessClock } from '@kp/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestExtensionCommand } from './request-extension.command';
import { RunningPermit } from './running-permit';

/**
 * Extension of the project period before the permit expires (issue 15): a lighter case than an
 * amendment — no new data, nothing to draft — opened at once with one sub-case per part of the
 * permit, each for the authority that granted it, and screened and decided like any case under the
 * same clock (EHDS art. 68(4)). The later end is checked by the submission's own rules
 * (`extension-later-end`); the reason is kept with the case.
 */
@Injectable()
export class RequestExtension {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly running: RunningPermit,
    private readonly applications: ApplicationRepository,
    private readonly submit: SubmitApplication,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { permitId, projectPeriodEnd, retentionUntil, reason }: RequestExtensionCommand): Promise<CaseRecord> {
    return this.db.transaction(async (manager) => {
      const { permit, c } = await this.running.ownActive(manager, actor, permitId, this.clock.now());
      const amends = await this.running.changeRef(manager, permit, c, reason);
      const base = amends.baseContent;
      // Data are not kept before the project ends (GDPR art. 5(1)(e)): without a date of its own, retention lasts at least to the new end.
      const kept = base.retentionUntil && base.retentionUntil > projectPeriodEnd ? base.retentionUntil : projectPeriodEnd;
      const content = { ...base, projectPeriod: { start: base.projectPeriod?.start ?? projectPeriodEnd, end: projectPeriodEnd }, retentionUntil: retentionUntil ?? kept };
      const application = await this.applications.insert(manager, actor.sub, actor.organisation ?? null, content, { kind: 'extension', amends });
      return this.submit.submitWithin(manager, actor, application);
    });
  }
}
