import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { storedAppealGuidance } from '../domain/appeal-guidance';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { awaitsController, ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { reconsiderationView, ReconsiderationView } from '../reconsideration/reconsideration.view';
import { ForwardAppealCommand } from './forward-appeal.command';

/**
 * Remonstration ends in forwarding: the deciding authority has reconsidered the appealed decision,
 * maintains it, and sends the appeal with its statement to the appeal body that the decision's own
 * guidance names (forvaltningsloven § 25; the body is data, rules/authorities.json). Where the
 * guidance names no administrative appeal body there is nobody to forward to: the appeal is closed
 * as `maintained` and the appellant is told the decision may be brought before the courts
 * (grundloven § 63).
 */
@Injectable()
export class ForwardAppeal {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly decisions: DecisionRepository,
    private readonly reconsiderations: ReconsiderationRepository,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: ForwardAppealCommand): Promise<ReconsiderationView> {
    return this.db.transaction(async (manager) => {
      const appeal = await this.reconsiderations.find(manager, command.appealId, 'appeal');
      if (!appeal) throw notFound('appeal', command.appealId);
      const at = this.clock.now();
      const done = await this.transitions.transition(
        manager,
        actor,
        { caseId: appeal.caseId, command: 'forward_appeal', expectedVersion: command.expectedVersion, at, notFound: { what: 'appeal', id: command.appealId } },
        async ({ c }) => {
          if (appeal.state !== 'reconsidering') throw new DomainError('appeal-closed', `This appeal is ${appeal.state.replace(/_/g, ' ')}; nothing is left to forward.`, { state: appeal.state });
          if (awaitsController(appeal)) {
            throw new DomainError('controller-reconsidering', 'The decision is the controller’s own: the controller reconsiders it first, and the appeal is forwarded once the controller maintains it.', { controllerOrg: appeal.controllerOrg });
          }
          const decision = (await this.decisions.findDecision(manager, appeal.decisionId))!;
          const guidance = storedAppealGuidance(decision.appealGuidance);
          const statement = command.statement.trim();
          if (!guidance.appealBody) {
            const maintained = await this.reconsiderations.close(manager, appeal.id, { state: 'maintained', statement, by: actor.sub, at });
            await this.notifier.notify(manager, {
              to: { sub: c.applicantSub },
              kind: 'appeal_maintained',
              caseId: c.id,
              caseNumber: c.number,
              title: { da: `Sag ${c.number}: afgørelsen fastholdes efter din klage`, en: `Case ${c.number}: the decision is maintained after your appeal` },
              body: {
                da: `Vi har genovervejet afgørelsen og fastholder den. Der er ingen administrativ klageinstans; du kan indbringe afgørelsen for domstolene (grundloven § 63).\n${statement}`,
                en: `We have reconsidered the decision and maintain it. There is no administrative appeal body; you may bring the decision before the courts (Danish Constitution § 63).\n${statement}`,
              },
            });
            return { subCaseId: appeal.subCaseId, result: maintained, audit: { action: 'decision.appeal_maintained', payload: { reconsiderationId: appeal.id, decisionId: appeal.decisionId, overdue: at > new Date(appeal.reconsiderBy) } } };
          }
          const forwarded = await this.reconsiderations.close(manager, appeal.id, { state: 'forwarded', statement, appealBody: guidance.appealBody, by: actor.sub, at });
          await this.notifier.notify(manager, {
            to: { sub: c.applicantSub },
            kind: 'appeal_forwarded',
            caseId: c.id,
            caseNumber: c.number,
            title: { da: `Sag ${c.number}: din klage er sendt videre til ${guidance.appealBody}`, en: `Case ${c.number}: your appeal was forwarded to ${guidance.appealBody}` },
            body: {
              da: `Vi har genovervejet afgørelsen og fastholder den. Klagen er sendt til ${guidance.appealBody} med sagens akter og denne udtalelse:\n${statement}`,
              en: `We have reconsidered the decision and maintain it. The appeal was sent to ${guidance.appealBody} with the case file and this statement:\n${statement}`,
            },
          });
          return {
            subCaseId: appeal.subCaseId,
            result: forwarded,
            audit: { action: 'decision.appeal_forwarded', payload: { reconsiderationId: appeal.id, decisionId: appeal.decisionId, appealBody: guidance.appealBody, overdue: at > new Date(appeal.reconsiderBy) } },
          };
        },
      );
      return reconsiderationView(done.result, at);
    });
  }
}
