import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { CaseFileRepository } from '@kp/cases';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { NewNotification, Notifier } from '@kp/notifications';
import { JobHandler, RecurringJobs } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReconsiderationRecord, ReconsiderationRepository } from '../infrastructure/reconsideration.repository';

export const RECONSIDERATION_OVERDUE_SWEEP_JOB = 'reconsideration-overdue-sweep';

/**
 * An appeal the authority reconsiders (remonstration, forvaltningsloven § 25) or a request to reopen
 * it has not answered (genoptagelse) must not lie forgotten past the time the authority gave itself
 * (`APPEAL_RECONSIDERATION_DAYS` from receipt): once that has passed, the case's holder (its
 * assignee, or every caseworker while nobody holds it) and the legal approvers are told once, and
 * the audit trail records it. What to do — change the decision, forward the appeal, answer the
 * request — stays a person's call. Every `RECONSIDERATION_SWEEP_MS`, on business time.
 */
@Injectable()
export class ReconsiderationOverdueSweepHandler implements JobHandler, OnModuleInit {
  readonly jobName = RECONSIDERATION_OVERDUE_SWEEP_JOB;

  constructor(
    private readonly recurring: RecurringJobs,
    private readonly reconsiderations: ReconsiderationRepository,
    private readonly cases: CaseFileRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this, everyMs: this.config.schedules.reconsiderationSweepMs });
  }

  async handle(manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    for (const r of await this.reconsiderations.dueForOverdueNotice(manager, now)) {
      const c = await this.cases.find(manager, r.caseId);
      if (!c) continue;
      const holder: NewNotification['to'] = c.assigneeSub ? { sub: c.assigneeSub } : { role: 'caseworker' };
      const approvers: NewNotification['to'] = { role: 'legal_approver' };
      const notice = { ...overdueNotice(r, c.number), caseId: c.id, caseNumber: c.number };
      await this.notifier.notify(manager, { ...notice, to: holder });
      await this.notifier.notify(manager, { ...notice, to: approvers });
      await this.reconsiderations.markOverdueNoticed(manager, r.id, now);
      await this.audit.append(manager, {
        actor: SYSTEM_ACTOR,
        action: r.kind === 'appeal' ? 'decision.appeal_reconsideration_overdue' : 'decision.reopening_request_overdue',
        subject: { type: 'case', id: c.number },
        payload: { reconsiderationId: r.id, decisionId: r.decisionId, subCaseId: r.subCaseId, receivedOn: r.receivedOn, reconsiderBy: new Date(r.reconsiderBy).toISOString(), notified: [holder, approvers] },
      });
    }
  }
}

function overdueNotice(r: ReconsiderationRecord, caseNumber: string): Pick<NewNotification, 'kind' | 'title' | 'body'> {
  const by = copenhagenDateOf(new Date(r.reconsiderBy)).toString();
  if (r.kind === 'appeal') {
    return {
      kind: 'appeal_reconsideration_overdue',
      title: { da: `Sag ${caseNumber}: klagen er ikke genvurderet til tiden`, en: `Case ${caseNumber}: the appeal was not reconsidered in time` },
      body: {
        da: `Klagen modtaget ${r.receivedOn} skulle være genvurderet senest ${by}. Ændr afgørelsen, eller send klagen videre til klageinstansen med en udtalelse.`,
        en: `The appeal received on ${r.receivedOn} was to be reconsidered by ${by}. Change the decision, or forward the appeal to the appeal body with a statement.`,
      },
    };
  }
  return {
    kind: 'reopening_request_overdue',
    title: { da: `Sag ${caseNumber}: anmodningen om genoptagelse er ikke besvaret til tiden`, en: `Case ${caseNumber}: the request to reopen was not answered in time` },
    body: {
      da: `Anmodningen om genoptagelse modtaget ${r.receivedOn} skulle være besvaret senest ${by}. Genoptag sagen, eller afslå med en begrundelse.`,
      en: `The request to reopen received on ${r.receivedOn} was to be answered by ${by}. Reopen the case, or refuse with reasons.`,
    },
  };
}
