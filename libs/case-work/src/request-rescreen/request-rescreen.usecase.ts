import { CaseRepository, SCREEN_JOB } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { JobQueue } from '@kp/queue';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkOnCase } from '../work-on-case/work-on-case';

/**
 * A caseworker asks for the open parts of a case to be screened again with the rule-set versions
 * now in force (after a new plugin version was activated). The new Screening is added; the old one
 * is kept, so what a decision relied on can still be explained.
 */
@Injectable()
export class RequestRescreen {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly cases: CaseRepository,
    private readonly registry: RuleSetRegistry,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, caseId: string, expectedVersion?: number): Promise<{ caseId: string; number: string; version: number; ruleSets: { id: string; version: string; sha256: string }[] }> {
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'request_rescreen', expectedVersion);
      await this.jobs.enqueue(manager, { name: SCREEN_JOB, payload: { caseId: c.id, reason: 'rescreen_requested' } });
      const updated = await this.cases.touch(manager, c.id);
      const ruleSets = this.registry.activeVersions().map(({ id, version, sha256 }) => ({ id, version, sha256 }));
      await this.audit.append(manager, { actor, action: 'case.rescreen_requested', subject: { type: 'case', id: c.number }, payload: { caseId: c.id, ruleSetsInForce: ruleSets } });
      return { caseId: c.id, number: c.number, version: updated.version, ruleSets };
    });
  }
}
