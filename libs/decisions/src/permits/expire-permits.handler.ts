import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { CaseFileRepository } from '@kp/cases';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { Notifier } from '@kp/notifications';
import { JobHandler, RecurringJobs } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PermitEvents } from './permit-events';

export const EXPIRE_PERMITS_JOB = 'expire-permits';

/** How long before a permit runs out its holder is told, so an extension can be applied for in time. */
export const PERMIT_EXPIRY_NOTICE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Access ends by itself when a permit's validity runs out (a need REMS users report unmet): the
 * scheduled sweep marks it expired, logs it and tells the applicant. The same sweep tells the
 * applicant once, 30 days ahead, that the permit is about to expire.
 */
@Injectable()
export class ExpirePermitsHandler implements JobHandler, OnModuleInit {
  readonly jobName = EXPIRE_PERMITS_JOB;

  constructor(
    private readonly recurring: RecurringJobs,
    private readonly decisions: DecisionRepository,
    private readonly cases: CaseFileRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
    private readonly permitEvents: PermitEvents,
  ) {}

  /** Every `PERMIT_EXPIRY_SWEEP_MS` (AppConfig.schedules). */
  onModuleInit(): void {
    this.recurring.register({ handler: this, everyMs: this.config.schedules.permitExpirySweepMs });
  }

  async handle(manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    await this.expireDue(manager, now);
    await this.warnExpiring(manager, now);
  }

  async warnExpiring(manager: EntityManager, now: Date): Promise<number> {
    const due = await this.decisions.dueForExpiryNotice(manager, now, PERMIT_EXPIRY_NOTICE_DAYS * DAY_MS);
    for (const permit of due) {
      const c = (await this.cases.find(manager, permit.caseId))!;
      const until = copenhagenDateOf(permit.validUntil).toString();
      await this.notifier.notify(manager, {
        to: { sub: c.applicantSub },
        kind: 'permit_expiring',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Tilladelse ${permit.number} udløber ${until}`, en: `Permit ${permit.number} expires on ${until}` },
        body: {
          da: `Adgangen til data ophører, når tilladelsen udløber ${until}. Har projektet brug for data længere, så søg om forlængelse i god tid.`,
          en: `Access to the data ends when the permit expires on ${until}. If the project needs the data for longer, apply for an extension in good time.`,
        },
      });
      await this.decisions.markExpiryNoticed(manager, permit.id, now);
    }
    return due.length;
  }

  async expireDue(manager: EntityManager, now: Date): Promise<number> {
    const due = await this.decisions.dueForExpiry(manager, now);
    for (const permit of due) {
      const ended = await this.decisions.endPermit(manager, permit.id, 'expired', SYSTEM_ACTOR.sub, 'validity period ended', now);
      const c = (await this.cases.find(manager, permit.caseId))!;
      await this.permitEvents.emit(manager, { type: 'expired', permit: ended, case: c, actor: SYSTEM_ACTOR, at: now });
      await this.notifier.notify(manager, {
        to: { sub: c.applicantSub },
        kind: 'permit_expired',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Tilladelse ${permit.number} er udløbet`, en: `Permit ${permit.number} has expired` },
        body: { da: 'Adgangen til data er ophørt.', en: 'Access to the data has ended.' },
      });
      await this.audit.append(manager, { actor: SYSTEM_ACTOR, action: 'permit.expired', subject: { type: 'case', id: c.number }, payload: { permitId: permit.id, number: permit.number, validUntil: permit.validUntil } });
    }
    return due.length;
  }
}
