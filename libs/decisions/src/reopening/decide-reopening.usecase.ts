import { textDigest } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { reconsiderationView, ReconsiderationView } from '../reconsideration/reconsideration.view';
import { DecideReopeningCommand } from './decide-reopening.command';

/**
 * Genoptagelse: the authority decides whether to reopen a decided case on request (in practice
 * when new facts of weight, or an error in the decision, are shown; ulovbestemt, with
 * forvaltningsloven §§ 22–24 for the reasons). A refusal closes the request with its reasons; a
 * reopening lets the caseworker draft a new decision that supersedes the one in force (four eyes
 * as always), which closes the request. On a collaborative part the controller, whose decision it
 * is, is asked to decide anew.
 */
@Injectable()
export class DecideReopening {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly reconsiderations: ReconsiderationRepository,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: DecideReopeningCommand): Promise<ReconsiderationView> {
    return this.db.transaction(async (manager) => {
      const request = await this.reconsiderations.find(manager, command.requestId, 'reopening');
      if (!request) throw notFound('reopening request', command.requestId);
      const at = this.clock.now();
      const reasons = command.reasons.trim();
      const done = await this.transitions.transition(
        manager,
        actor,
        { caseId: request.caseId, command: 'decide_reopening', expectedVersion: command.expectedVersion, at, notFound: { what: 'reopening request', id: command.requestId } },
        async ({ c }) => {
          if (request.state !== 'requested') throw new DomainError('reopening-decided', `This request was already ${request.state.replace(/_/g, ' ')}.`, { state: request.state });
          const decided = command.reopen
            ? await this.reconsiderations.reopen(manager, request.id, reasons)
            : await this.reconsiderations.close(manager, request.id, { state: 'refused', statement: reasons, by: actor.sub, at });
          await this.notifier.notify(manager, {
            to: { sub: c.applicantSub },
            kind: command.reopen ? 'case_reopened' : 'reopening_refused',
            caseId: c.id,
            caseNumber: c.number,
            title: command.reopen
              ? { da: `Sag ${c.number} er genoptaget`, en: `Case ${c.number} is reopened` }
              : { da: `Sag ${c.number}: anmodningen om genoptagelse er afslået`, en: `Case ${c.number}: the request to reopen is refused` },
            body: { da: reasons, en: reasons },
          });
          if (command.reopen && request.controllerOrg) {
            await this.notifier.notify(manager, {
              to: { role: 'controller', organisation: request.controllerOrg },
              kind: 'reopened_to_decide',
              caseId: c.id,
              caseNumber: c.number,
              title: { da: `Sag ${c.number} er genoptaget: træf en ny afgørelse`, en: `Case ${c.number} is reopened: make a new decision` },
              body: { da: `Kontaktpunktet har genoptaget sagen om jeres afgørelse. Begrundelse: ${reasons}`, en: `The contact point reopened the case on your decision. Reasons: ${reasons}` },
            });
          }
          return {
            subCaseId: request.subCaseId,
            result: decided,
            audit: { action: command.reopen ? 'decision.reopening_granted' : 'decision.reopening_refused', payload: { reconsiderationId: request.id, decisionId: request.decisionId, reasonsSha256: textDigest(reasons) } },
          };
        },
      );
      return reconsiderationView(done.result, at);
    });
  }
}
