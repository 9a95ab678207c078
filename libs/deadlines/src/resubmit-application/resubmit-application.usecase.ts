import { textDigest } from '@kp/audit';
import { assertCommandAllowed, CaseRecord, CaseTransitions, ClockEventRepository } from '@kp/cases';
import { amendedSince, ApplicationRepository, assertSubmittable, AuthorityInForce, SCREEN_JOB, submissionProblems } from '@kp/applications';
import { Actor } from '@kp/auth';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { BusinessClock, ClockEvent, ClockEventError, DanishCalendar } from '@kp/clock';
import { assertVersion, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { JobQueue } from '@kp/queue';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clockConflict } from '../domain/problems';
import { assertSupplementAnswered } from '../domain/supplement-answers';
import { assertClockAccepts, toClockEvents } from '../domain/statutory-clock';
import { SupplementRequestRepository } from '../infrastructure/supplement-request.repository';
import { ResubmitApplicationCommand } from './resubmit-application.command';

/**
 * The applicant answers a request for supplement: the amended application becomes the case's
 * content, the statutory clock runs again (EHDS art. 68(4)), and the case is screened anew — a new
 * Screening per sub-case beside the old ones. It must answer each question, or amend the application.
 */
@Injectable()
export class ResubmitApplication {
  private readonly calendar = new DanishCalendar();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly transitions: CaseTransitions,
    private readonly clockEvents: ClockEventRepository,
    private readonly requests: SupplementRequestRepository,
    private readonly sources: AuthorityInForce,
    private readonly jobs: JobQueue,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: ResubmitApplicationCommand): Promise<CaseRecord> {
    const { applicationId, expectedVersion: expectedApplicationVersion } = command;
    const answer = command.answer?.trim() || null;
    const answers = command.answers?.map((a) => a.trim()) ?? null;
    return this.db.transaction(async (manager) => {
      const application = await this.applications.find(manager, applicationId, true);
      if (!application || actor.role !== 'researcher' || application.applicantSub !== actor.sub) throw notFound('application', applicationId);
      if (!application.caseId) {
        assertCommandAllowed(application.status === 'draft' ? 'draft' : 'withdrawn', actor.role, 'resubmit');
        throw notFound('case', applicationId);
      }
      const now = this.clock.now();
      const done = await this.transitions.transition(manager, actor, { caseId: application.caseId, command: 'resubmit', at: now }, async ({ c, subCases }) => {
        assertVersion(expectedApplicationVersion, application.version, 'application');
        // The checks submit applies, as POST …/check reports them, and the same data sources as the case.
        assertSubmittable(submissionProblems(application.content, { actor, isKnownSource: (id) => !!this.sources.dataSource(id), caseDataSources: subCases.map((s) => s.dataSourceId), change: application }));
        assertSupplementAnswered(await this.requests.forCase(manager, c.id, 'open'), answers, amendedSince(c.content, application.content));
        const resumed: ClockEvent = { type: 'resumed', at: now, reason: 'application resubmitted' };
        try {
          assertClockAccepts(this.config.clockPolicies, toClockEvents(await this.clockEvents.forCase(manager, c.id)), resumed, subCases, this.calendar);
        } catch (error) {
          if (error instanceof ClockEventError) throw clockConflict(error);
          throw error;
        }
        const answered = await this.requests.answerOpen(manager, c.id, { answer, answers, answeredBy: actor.sub, answeredAt: now, applicationVersion: application.version });
        await this.jobs.enqueue(manager, { name: SCREEN_JOB, payload: { caseId: c.id, reason: 'resubmitted' } });
        return {
          reason: resumed.reason,
          content: application.content,
          audit: {
            action: 'application.resubmitted',
            payload: { caseId: c.id, applicationId, applicationVersion: application.version, answeredRequests: answered.map((r) => r.id), answerSha256: textDigest(answer), answersSha256: textDigest(answers) },
          },
        };
      });
      const c = done.case;
      await this.notifier.notify(manager, {
        to: { role: 'caseworker' },
        kind: 'supplement_answered',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Sag ${c.number}: ansøgeren har svaret`, en: `Case ${c.number}: the applicant has answered` },
        body: {
          da: `Ansøgningen er rettet og indsendt igen; fristen løber igen, og sagen screenes på ny.${answer ? `\nSvar: ${answer}` : ''}`,
          en: `The application was amended and resubmitted; the time limit runs again and the case is being re-screened.${answer ? `\nAnswer: ${answer}` : ''}`,
        },
      });
      return c;
    });
  }
}
