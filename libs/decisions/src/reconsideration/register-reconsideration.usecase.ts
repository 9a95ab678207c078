import { textDigest } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock, copenhagenDateOf, endOfCopenhagenDay, LocalDate } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { DomainError, notFound, ValidationFailedError } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { RegisterReconsiderationCommand } from './register-reconsideration.command';
import { reconsiderationView, ReconsiderationView } from './reconsideration.view';

/**
 * Registers an appeal against a decision in force (klage; the guidance under forvaltningsloven § 25
 * tells the appellant to send it to the deciding authority, which reconsiders first — remonstration)
 * or a request to reopen the case it decided (genoptagelse). Either starts the time the authority
 * gives itself to reconsider (`APPEAL_RECONSIDERATION_DAYS` from receipt). One open appeal and one
 * open request per decision: a second letter is added to the first, not a new track. An appeal
 * against a controller's decision on a collaborative part goes to that controller to reconsider
 * first (the decision is its own); the contact point forwards it once the controller maintains it.
 */
@Injectable()
export class RegisterReconsideration {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly decisions: DecisionRepository,
    private readonly reconsiderations: ReconsiderationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
    private readonly notifier: Notifier,
  ) {}

  async execute(actor: Actor, command: RegisterReconsiderationCommand): Promise<ReconsiderationView> {
    const appeal = command.kind === 'appeal';
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.transitions.transition(
        manager,
        actor,
        { caseId: command.caseId, command: appeal ? 'register_appeal' : 'register_reopening_request', expectedVersion: command.expectedVersion, at },
        async ({ c, subCases }) => {
          const decision = await this.decisions.findDecision(manager, command.decisionId);
          if (!decision || decision.caseId !== c.id) throw notFound('decision', command.decisionId);
          const current = await this.decisions.currentDecision(manager, decision.subCaseId);
          if (current?.id !== decision.id) {
            throw new DomainError('decision-superseded', `Decision ${decision.id} has been superseded by ${current?.id}; an appeal or a request to reopen is against the decision in force.`, {
              errors: [{ field: 'decisionId', rule: 'decision-in-force', messages: ['name the decision in force on this part'] }],
            });
          }
          if (command.receivedOn > copenhagenDateOf(at).toString()) {
            throw new ValidationFailedError('receivedOn lies in the future.', [{ field: 'receivedOn', rule: 'not-after-today', messages: ['must be today or earlier'] }]);
          }
          const open = (await this.reconsiderations.openOfDecision(manager, decision.id)).find((r) => r.kind === command.kind);
          if (open) {
            const detail = `against this decision, received ${open.receivedOn}, is still open (${open.id}); add the new letter to it.`;
            if (appeal) throw new DomainError('appeal-open', `An appeal ${detail}`, { reconsiderationId: open.id });
            throw new DomainError('reopening-open', `A request to reopen ${detail}`, { reconsiderationId: open.id });
          }
          const subCase = subCases.find((s) => s.id === decision.subCaseId)!;
          // The controller decided this part (the collaborative track): it is the controller who reconsiders.
          const controllerOrg = subCase.track === 'collaborative' && decision.decidedByRole === 'controller' ? subCase.controllerOrg : null;
          const r = await this.reconsiderations.insert(manager, {
            kind: command.kind,
            caseId: c.id,
            subCaseId: decision.subCaseId,
            decisionId: decision.id,
            receivedOn: command.receivedOn,
            fromParty: command.from.trim(),
            grounds: command.grounds.trim(),
            registeredBy: actor.sub,
            registeredAt: at,
            // The day of receipt is not counted; the time ends with the last day, Danish time (Regulation 1182/71).
            reconsiderBy: endOfCopenhagenDay(LocalDate.parse(command.receivedOn).plusDays(this.config.appealReconsiderationDays)),
            state: appeal ? 'reconsidering' : 'requested',
            controllerOrg,
          });
          if (appeal && controllerOrg) {
            await this.notifier.notify(manager, {
              to: { role: 'controller', organisation: controllerOrg },
              kind: 'appeal_to_reconsider',
              caseId: c.id,
              caseNumber: c.number,
              title: { da: `Klage over jeres afgørelse i sag ${c.number}`, en: `Appeal against your decision in case ${c.number}` },
              body: {
                da: `Kontaktpunktet har modtaget en klage over jeres afgørelse om ${subCase.dataSourceName}. Genovervej afgørelsen: træf en ny afgørelse, eller fasthold den, så sender kontaktpunktet klagen videre.`,
                en: `The contact point received an appeal against your decision on ${subCase.dataSourceName}. Reconsider it: make a new decision, or maintain it and the contact point forwards the appeal.`,
              },
            });
          }
          return {
            subCaseId: decision.subCaseId,
            result: r,
            audit: {
              action: appeal ? 'decision.appeal_registered' : 'decision.reopening_requested',
              payload: { reconsiderationId: r.id, decisionId: decision.id, subCaseId: decision.subCaseId, receivedOn: r.receivedOn, fromSha256: textDigest(r.fromParty), groundsSha256: textDigest(r.grounds), reconsiderBy: new Date(r.reconsiderBy).toISOString(), ...(controllerOrg ? { controllerOrg } : {}) },
            },
          };
        },
      );
      return reconsiderationView(done.result, at);
    });
  }
}
