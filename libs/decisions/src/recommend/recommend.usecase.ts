import { BusinessClock } from '@kp/clock';
import { Actor } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { RecommendationRecord } from '../domain/decision-records';
import { EngineView } from '../domain/engine-view';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { RecommendCommand } from './recommend.command';

/**
 * Collaborative track: the contact point sends its recommendation (indstilling) to the data
 * controller, who formally decides (sundhedsloven § 46 stk. 2; EHDS art. 72 for a single holder).
 */
@Injectable()
export class Recommend {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly engineView: EngineView,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: RecommendCommand): Promise<RecommendationRecord> {
    const { caseId, subCaseId, expectedVersion } = command;
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.context.transition(manager, actor, { caseId, subCaseId, command: 'recommend', expectedVersion, at }, async ({ c, subCase }) => {
        if (subCase.track !== 'collaborative') {
          throw new DomainError('wrong-track', `${subCase.dataSourceName} is on the central track: draft a decision instead.`);
        }
        if (subCase.state !== 'in_review') {
          throw new DomainError('sub-case-not-ready', `The ${subCase.dataSourceName} part is ${subCase.state.replace(/_/g, ' ')}; a recommendation can be sent when it is in review.`);
        }
        const engine = await this.engineView.compare(manager, subCase.id, command.outcome, at, command.departureReason);
        const recommendation = await this.decisions.insertRecommendation(manager, {
          caseId: c.id,
          subCaseId: subCase.id,
          outcome: command.outcome,
          reasoning: command.reasoning,
          conditions: command.conditions,
          ...engine,
          controllerOrg: subCase.controllerOrg,
          recommendedBy: actor.sub,
          recommendedAt: at,
        });
        await this.notifier.notify(manager, {
          to: { role: 'controller', organisation: subCase.controllerOrg ?? undefined },
          kind: 'recommendation_received',
          caseId: c.id,
          caseNumber: c.number,
          title: { da: `Indstilling i sag ${c.number}`, en: `Recommendation in case ${c.number}` },
          body: {
            da: `Kontaktpunktet indstiller til afgørelse om ${subCase.dataSourceName}. Indstillingen afventer jeres afgørelse.`,
            en: `The contact point recommends a decision on ${subCase.dataSourceName}. The recommendation awaits your decision.`,
          },
        });
        return {
          result: recommendation,
          audit: {
            action: 'recommendation.sent',
            payload: { recommendationId: recommendation.id, subCaseId: subCase.id, outcome: recommendation.outcome, controller: subCase.controllerName, departsFromEngine: recommendation.departsFromEngine },
          },
        };
      });
      return done.result;
    });
  }
}
