import { CASE_STATES, isOpen, ScreeningRepository } from '@kp/cases';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { JobContext, JobHandler } from '@kp/queue';
import { latestBoundary, RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScreenCaseHandler } from '../screen-case/screen-case.handler';

export const LAW_CHANGE_RESCREEN_JOB = 'law-change-rescreen';
/** Cases screened again per run; the next run takes the rest. */
export const LAW_CHANGE_BATCH = 100;

const OPEN_STATES = CASE_STATES.filter(isOpen);

/**
 * A decision rests on a screening under the law of the decision date (DESIGN.md §3). When a rule's
 * in-force period starts or ends (EHDS chapter IV from 26 March 2029, art. 105), every open
 * sub-case screened under the earlier law is screened again, with reason `law_changed`. Safe to run
 * at any time and more than once: a case screened on or after the change is left alone.
 */
@Injectable()
export class RescreenOnLawChangeHandler implements JobHandler {
  readonly jobName = LAW_CHANGE_RESCREEN_JOB;

  constructor(
    private readonly registry: RuleSetRegistry,
    private readonly screenings: ScreeningRepository,
    private readonly screen: ScreenCaseHandler,
    private readonly clock: BusinessClock,
  ) {}

  async handle(manager: EntityManager, _payload: Record<string, unknown>, context: JobContext): Promise<void> {
    const today = copenhagenDateOf(this.clock.now()).toString();
    const change = latestBoundary(this.registry.lawBoundaries(), today);
    if (!change) return;
    const outdated = await this.screenings.latestOfOpenSubCases(manager, OPEN_STATES, change);
    const caseIds = [...new Set(outdated.map((s) => s.caseId))].sort().slice(0, LAW_CHANGE_BATCH);
    for (const caseId of caseIds) await this.screen.handle(manager, { caseId, reason: 'law_changed' }, context);
  }
}
