import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { NewNotification, Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseFileRepository } from '@kp/cases';
import { SupplementRequestRepository } from '../infrastructure/supplement-request.repository';

/** An open request past its answer date that nobody has been told about, with whom to tell. */
export interface OverdueSupplementRow {
  id: string;
  caseId: string;
  caseNumber: string;
  assigneeSub: string | null;
  applicantSub: string;
  requestedAt: Date;
  answerDueAt: Date;
}

export interface OverdueSupplement {
  caseNumber: string;
  requestId: string;
}

const danishDate = (d: Date) => d.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen' });
const englishDate = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * An incomplete application gets 4 weeks to be completed (EHDS art. 68(4)). When a request for
 * supplement passes its answer date unanswered, the case's handler (its assignee, or every
 * caseworker while nobody holds it) and the applicant are told once, so someone decides what
 * happens next. The case stays where it is: what to do about the silence is a caseworker's call.
 */
@Injectable()
export class OverdueSupplementNotices {
  constructor(
    private readonly requests: SupplementRequestRepository,
    private readonly cases: CaseFileRepository,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Overdue requests of cases still waiting for the applicant: a withdrawn case leaves its request
   * open but owes nobody an answer.
   */
  private async overdue(manager: EntityManager, now: Date): Promise<OverdueSupplementRow[]> {
    const requests = await this.requests.overdueUnnotified(manager, now);
    const cases = new Map((await this.cases.findMany(manager, [...new Set(requests.map((r) => r.caseId))])).map((c) => [c.id, c]));
    return requests.flatMap((r) => {
      const c = cases.get(r.caseId);
      if (!c || c.state !== 'awaiting_applicant') return [];
      return [{ id: r.id, caseId: c.id, caseNumber: c.number, assigneeSub: c.assigneeSub, applicantSub: c.applicantSub, requestedAt: r.requestedAt, answerDueAt: r.answerDueAt }];
    });
  }

  /** Runs inside the deadline sweep's transaction and lock; marks each request so a later run skips it. */
  async run(manager: EntityManager, now: Date, jobId?: string): Promise<OverdueSupplement[]> {
    const overdue = await this.overdue(manager, now);
    for (const request of overdue) {
      const notified = await this.notifyAll(manager, request);
      await this.requests.markOverdueNotified(manager, request.id, now);
      await this.audit.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'case.supplement_overdue',
        subject: { type: 'case', id: request.caseNumber },
        payload: { caseId: request.caseId, requestId: request.id, answerDueAt: request.answerDueAt.toISOString(), notified, jobId: jobId ?? null },
      });
    }
    return overdue.map((r) => ({ caseNumber: r.caseNumber, requestId: r.id }));
  }

  private async notifyAll(manager: EntityManager, r: OverdueSupplementRow): Promise<NewNotification['to'][]> {
    const holder: NewNotification['to'] = r.assigneeSub ? { sub: r.assigneeSub } : { role: 'caseworker' };
    const about = { kind: 'supplement_overdue', caseId: r.caseId, caseNumber: r.caseNumber };
    await this.notifier.notify(manager, {
      to: holder,
      ...about,
      title: { da: `Sag ${r.caseNumber}: ansøgeren har ikke svaret`, en: `Case ${r.caseNumber}: the applicant has not answered` },
      body: {
        da: `Svarfristen for anmodningen om supplerende oplysninger var ${danishDate(r.answerDueAt)} (EHDS art. 68, stk. 4). Sagen venter stadig på ansøgeren; tag stilling til, hvad der nu skal ske.`,
        en: `The request for supplement was due for an answer on ${englishDate(r.answerDueAt)} (EHDS art. 68(4)). The case still waits for the applicant; decide what happens next.`,
      },
    });
    const applicant: NewNotification['to'] = { sub: r.applicantSub };
    await this.notifier.notify(manager, {
      to: applicant,
      ...about,
      title: { da: `Sag ${r.caseNumber}: dit svar er forsinket`, en: `Case ${r.caseNumber}: your answer is overdue` },
      body: {
        da: `Vi bad om supplerende oplysninger senest ${danishDate(r.answerDueAt)}. Besvar spørgsmålene, ret ansøgningen og indsend den igen, eller kontakt sagsbehandleren.`,
        en: `We asked for further information by ${englishDate(r.answerDueAt)}. Answer the questions, amend the application and resubmit it, or contact your caseworker.`,
      },
    });
    return [holder, applicant];
  }
}
