import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { Actor } from '@kp/auth';
import { ApplicationInput, Finding, Requirement, Verdict } from '@kp/rules';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { contentProblems, FieldProblem, missingForSubmission } from '../domain/application-content';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { loadOwnApplication } from '../get-application/load-own-application';
import { ApplicationCommand } from '../get-application/application.command';

export interface CheckReport {
  complete: boolean;
  missing: FieldProblem[];
  invalid: FieldProblem[];
  dataRequests: { dataSourceId: string; verdict: Verdict | null; findings: Finding[]; requirements: Requirement[]; ruleSets: { id: string; version: string; sha256: string }[] }[];
  /** Whether submitting now would be accepted (complete and valid); the rules' verdict is advice. */
  readyToSubmit: boolean;
}

/**
 * The instant preview (DESIGN.md §8, Findata's lesson): completeness and each data request's
 * findings under the rules in force, without submitting, so applications arrive complete.
 */
@Injectable()
export class CheckApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly registry: RuleSetRegistry,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { applicationId: id }: ApplicationCommand): Promise<CheckReport> {
    const application = await loadOwnApplication(this.db.manager, this.applications, actor, id);
    const content = application.content;
    // The preview applies today's law, as a screening of the submitted application would.
    const lawDate = copenhagenDateOf(this.clock.now()).toString();
    const missing = missingForSubmission(content);
    const invalid = contentProblems(content, (sourceId) => !!this.registry.dataSource(sourceId));
    const dataRequests = await Promise.all(
      (content.dataRequests ?? []).map(async (request, index) => {
        if (!this.registry.dataSource(request.dataSourceId)) {
          return { dataSourceId: request.dataSourceId, verdict: null, findings: [], requirements: [], ruleSets: [] };
        }
        const result = await this.registry.screen(content as ApplicationInput, index, lawDate);
        return { dataSourceId: request.dataSourceId, verdict: result.verdict, findings: result.findings, requirements: result.requirements, ruleSets: result.ruleSets };
      }),
    );
    return { complete: missing.length === 0, missing, invalid, dataRequests, readyToSubmit: missing.length === 0 && invalid.length === 0 };
  }
}
