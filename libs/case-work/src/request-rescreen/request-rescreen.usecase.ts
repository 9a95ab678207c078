import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { SCREEN_JOB } from '@kp/applications';
import { Actor } from '@kp/auth';
import { JobQueue } from '@kp/queue';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestRescreenCommand } from './request-rescreen.command';

/**
 * A caseworker asks for the open parts of a case to be screened again with the rule-set versions
 * now in force (after a new plugin version was activated). The new Screening is added; the old one
 * is kept, so what a decision relied on can still be explained.
 */
@Injectable()
export class RequestRescreen {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly registry: RuleSetRegistry,
    private readonly jobs: JobQueue,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId, expectedVersion }: RequestRescreenCommand): Promise<{ caseId: string; number: string; version: number; ruleSets: { id: string; version: string; sha256: string }[] }> {
    return this.db.transaction(async (manager) => {
      const ruleSets = this.registry.activeVersions().map(({ id, version, sha256 }) => ({ id, version, sha256 }));
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'request_rescreen', expectedVersion, at: this.clock.now() }, async ({ c }) => {
        await this.jobs.enqueue(manager, { name: SCREEN_JOB, payload: { caseId: c.id, reason: 'rescreen_requested' } });
        return { audit: { action: 'case.rescreen_requested', payload: { caseId: c.id, ruleSetsInForce: ruleSets } } };
      });
      return { caseId: done.case.id, number: done.case.number, version: done.case.version, ruleSets };
    });
  }
}
