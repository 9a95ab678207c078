import { textDigest } from '@kp/audit';
import { CaseRecord, CaseTransitions, ClockEventRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { BusinessClock, ClockEvent, ClockEventError, DanishCalendar } from '@kp/clock';
import { DomainError } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clockConflict } from '../domain/problems';
import { assertClockAccepts, supplementAnswerDue, toClockEvents } from '../domain/statutory-clock';
import { pauseReason, supplementRequestView, SupplementRequestView } from '../domain/supplement-request';
import { SupplementRequestRepository } from '../infrastructure/supplement-request.repository';
import { RequestSupplementCommand } from './request-supplement.command';

export interface SupplementRequested {
  request: SupplementRequestView;
  case: CaseRecord;
}

/**
 * A caseworker asks the applicant to complete the application (EHDS art. 68(4)): the case waits
 * for the applicant, the statutory clock stops, and the applicant is told what to answer and by when.
 */
@Injectable()
export class RequestSupplement {
  private readonly calendar = new DanishCalendar();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly clockEvents: ClockEventRepository,
    private readonly requests: SupplementRequestRepository,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: RequestSupplementCommand): Promise<SupplementRequested> {
    const questions = command.questions.map((q) => q.trim());
    return this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const done = await this.transitions.transition(manager, actor, { caseId: command.caseId, command: 'request_supplement', expectedVersion: command.expectedVersion, at: now }, async ({ c, subCases }) => {
        // A supplement amends the whole application; parts already decided, or put to the legal
        // approver or the controller, were judged on the application as it is and must stay so.
        const settled = subCases.filter((s) => ['decided', 'awaiting_approval', 'awaiting_controller'].includes(s.state));
        if (settled.length > 0) {
          throw new DomainError(
            'parts-in-decision',
            `The application can no longer be supplemented: ${settled.map((s) => `${s.dataSourceName} (${s.state.replace(/_/g, ' ')})`).join(', ')}. Return pending drafts first; decided parts stand.`,
          );
        }
        const subCase = command.subCaseId ? subCases.find((s) => s.id === command.subCaseId) : undefined;
        if (command.subCaseId && !subCase) {
          throw new DomainError('unknown-sub-case', `Sub-case ${command.subCaseId} is not part of case ${c.number}.`, {
            errors: [{ field: 'subCaseId', messages: ['not a sub-case of this case'], rule: 'sub-case-of-case' }],
          });
        }

        const paused: ClockEvent = { type: 'paused', at: now, reason: pauseReason(questions) };
        try {
          assertClockAccepts(this.config.clockPolicies, toClockEvents(await this.clockEvents.forCase(manager, c.id)), paused, subCases, this.calendar);
        } catch (error) {
          if (error instanceof ClockEventError) throw clockConflict(error);
          throw error;
        }
        const answerDueAt = supplementAnswerDue(this.config.clockPolicies, subCases, now, this.calendar);
        const request = await this.requests.insert(manager, {
          caseId: c.id,
          subCaseId: subCase?.id ?? null,
          questions,
          requestedBy: actor.sub,
          requestedAt: now,
          answerDueAt,
        });
        return {
          reason: paused.reason,
          result: { request, answerDueAt },
          audit: {
            action: 'case.supplement_requested',
            payload: { caseId: c.id, requestId: request.id, subCaseId: request.subCaseId, questionCount: questions.length, questionsSha256: textDigest(questions), answerDueAt: answerDueAt.toISOString(), fromState: c.state },
          },
        };
      });
      const { request, answerDueAt } = done.result;
      const c = done.case;
      const due = answerDueAt.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen' });
      const dueEn = answerDueAt.toLocaleDateString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
      const list = questions.map((q, i) => `${i + 1}. ${q}`).join('\n');
      await this.notifier.notify(manager, {
        to: { sub: c.applicantSub },
        kind: 'supplement_requested',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Sag ${c.number}: vi mangler oplysninger`, en: `Case ${c.number}: information needed` },
        body: {
          da: `Besvar spørgsmålene, ret ansøgningen og indsend den igen senest ${due}. Sagsbehandlingsfristen er stillet i bero imens.\n${list}`,
          en: `Answer the questions, amend the application and resubmit it by ${dueEn}. The time limit for deciding stands still meanwhile.\n${list}`,
        },
      });
      return { request: supplementRequestView(request), case: done.case };
    });
  }
}
