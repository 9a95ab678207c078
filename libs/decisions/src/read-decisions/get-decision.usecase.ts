import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { decisionView } from './decision.view';
import { DecisionVisibility } from './decision-visibility';
import { GetDecisionCommand } from './get-decision.command';

/** One decision as this actor may see it; one of a case or source they may not see is not found. */
@Injectable()
export class GetDecision {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DecisionVisibility,
    private readonly decisions: DecisionRepository,
  ) {}

  async execute(actor: Actor, { decisionId }: GetDecisionCommand) {
    const d = await this.decisions.findDecision(this.db.manager, decisionId);
    if (!d) throw notFound('decision', decisionId);
    const { visibleSubCaseIds } = await this.visibility.visibleCase(this.db.manager, actor, d.caseId).catch(() => {
      throw notFound('decision', decisionId);
    });
    if (!visibleSubCaseIds.has(d.subCaseId)) throw notFound('decision', decisionId);
    const all = await this.decisions.decisionsForCase(this.db.manager, d.caseId);
    return decisionView(actor, all.find((x) => x.id === d.id)!);
  }
}
