import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { CaseTransitions, controls } from '@kp/cases';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { awaitsController, ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { reconsiderationView, ReconsiderationView } from '../reconsideration/reconsideration.view';
import { ControllerMaintainCommand } from './controller-maintain.command';

/**
 * Remonstration by the controller: a decision on a collaborative part is the controller's own, so
 * an appeal against it is reconsidered by the controller (forvaltningsloven § 25's guidance sends
 * the appeal to the deciding authority first). Maintaining the decision, with reasons, leaves the
 * appeal open for the contact point to forward to the appeal body (or close as maintained where
 * none exists), as for its own decisions; the caseworker who registered the appeal is told.
 */
@Injectable()
export class ControllerMaintain {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly reconsiderations: ReconsiderationRepository,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: ControllerMaintainCommand): Promise<ReconsiderationView> {
    return this.db.transaction(async (manager) => {
      const appeal = await this.reconsiderations.find(manager, command.appealId, 'appeal');
      if (!appeal) throw notFound('appeal', command.appealId);
      const at = this.clock.now();
      const statement = command.statement.trim();
      const done = await this.transitions.transition(
        manager,
        actor,
        { caseId: appeal.caseId, command: 'controller_maintain', expectedVersion: command.expectedVersion, at, notFound: { what: 'appeal', id: command.appealId } },
        async ({ c, subCases }) => {
          // Access first: only the controller of this part's source; another controller learns nothing of the appeal.
          const subCase = subCases.find((s) => s.id === appeal.subCaseId);
          if (!subCase || !controls(actor, subCase) || appeal.controllerOrg !== actor.organisation) throw notFound('appeal', command.appealId);
          if (appeal.state !== 'reconsidering') throw new DomainError('appeal-closed', `This appeal is ${appeal.state.replace(/_/g, ' ')}; there is nothing left to reconsider.`, { state: appeal.state });
          if (!awaitsController(appeal)) throw new DomainError('controller-answered', 'You have already maintained your decision; the contact point forwards the appeal.', { controllerAnsweredAt: appeal.controllerAnsweredAt });
          const maintained = await this.reconsiderations.controllerMaintains(manager, appeal.id, statement, actor.sub, at);
          await this.notifier.notify(manager, {
            to: { sub: appeal.registeredBy },
            kind: 'appeal_maintained_by_controller',
            caseId: c.id,
            caseNumber: c.number,
            title: { da: `Sag ${c.number}: den dataansvarlige fastholder sin afgørelse`, en: `Case ${c.number}: the controller maintains its decision` },
            body: {
              da: `${subCase.controllerName} har genovervejet afgørelsen om ${subCase.dataSourceName} og fastholder den. Send klagen videre.\n${statement}`,
              en: `${subCase.controllerName} reconsidered its decision on ${subCase.dataSourceName} and maintains it. Forward the appeal.\n${statement}`,
            },
          });
          return {
            subCaseId: appeal.subCaseId,
            result: maintained,
            audit: { action: 'decision.appeal_maintained_by_controller', payload: { reconsiderationId: appeal.id, decisionId: appeal.decisionId, controllerOrg: appeal.controllerOrg, overdue: at > new Date(appeal.reconsiderBy) } },
          };
        },
      );
      return reconsiderationView(done.result, at);
    });
  }
}
