import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { SYSTEM_ACTOR } from '@kp/audit';
import { AWAITING_SCREENING, CaseRecord, CaseTransitions, isOpenSubCase, RecordScreening } from '@kp/cases';
import { JobContext, JobHandler, JobHandlerRegistry } from '@kp/queue';
import { ApplicationInput, RuleSetRegistry } from '@kp/rules';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScreenCaseCommand, ScreeningReason } from './screen-case.command';

export const SCREEN_JOB = 'screen';

/**
 * Reasons that answer a submission: the case must still wait for its screening. A case in review may
 * be screened again (a caseworker's request, a change of the law), but a second answer to the same
 * submission — the recovery sweep and a late original job, or two sweeps — must not screen it twice.
 */
const ANSWERS_A_SUBMISSION: readonly ScreeningReason[] = ['submitted', 'resubmitted', 'recovered'];

export interface ScreenCasePayload {
  caseId: string;
  reason: ScreeningReason;
}

/**
 * Screens every open sub-case of a case with the common plugin and its source's plugin, stores each
 * Screening (findings, verdict, requirements, rule-set versions and hashes, trace) through the case
 * kernel, and puts the case in review (the `screen` row of the state-effects table): central
 * sub-cases in the contact point's queue, collaborative ones also visible to their controller.
 */
@Injectable()
export class ScreenCaseHandler implements JobHandler<ScreenCasePayload>, OnModuleInit {
  readonly jobName = SCREEN_JOB;
  private readonly logger = new Logger(ScreenCaseHandler.name);

  constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly registry: RuleSetRegistry,
    private readonly transitions: CaseTransitions,
    private readonly screenings: RecordScreening,
    private readonly clock: BusinessClock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(manager: EntityManager, job: ScreenCasePayload, context: JobContext): Promise<void> {
    const payload = ScreenCaseCommand.create(job);
    const at = this.clock.now();
    // The screening applies the law in force on its own (Copenhagen) date and stores that date.
    const lawDate = copenhagenDateOf(at).toString();
    // The transition's row lock makes concurrent answers to one submission take turns; the second finds it screened and skips.
    const waits = (c: CaseRecord) => !ANSWERS_A_SUBMISSION.includes(payload.reason) || AWAITING_SCREENING.includes(c.state);
    const done = await this.transitions.transitionIfStill(manager, SYSTEM_ACTOR, { caseId: payload.caseId, command: 'screen', at }, waits, async ({ c, subCases }) => {
      const application = c.content as ApplicationInput;
      const screened = [];
      for (const subCase of subCases.filter((s) => isOpenSubCase(s.state))) {
        const index = application.dataRequests.findIndex((r) => r.dataSourceId === subCase.dataSourceId);
        screened.push({ c, subCase, reason: payload.reason, application, dataRequestIndex: index, result: await this.registry.screen(application, index, lawDate), at });
      }
      // Every sub-case's screening stored in one message (issue 17).
      const screeningIds = await this.screenings.recordAll(manager, screened);
      const summary: Record<string, unknown>[] = screened.map(({ subCase, result }, i) => ({
        subCaseId: subCase.id,
        screeningId: screeningIds[i],
        dataSourceId: subCase.dataSourceId,
        track: subCase.track,
        verdict: result.verdict,
        findings: result.findings.map((f) => ({ code: f.code, severity: f.severity, verdict: f.verdict, legalReference: f.legalReference })),
        ruleSets: result.ruleSets,
      }));
      return {
        audit: { action: 'case.screened', payload: (after) => ({ caseId: c.id, reason: payload.reason, jobId: context.jobId, state: after.case.state, subCases: summary }) },
      };
    });
    if ('skipped' in done) this.logger.log(`case ${payload.caseId} is ${done.skipped}; screening (${payload.reason}) skipped`);
  }
}
