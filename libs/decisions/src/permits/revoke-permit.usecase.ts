import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { revocationHearingStatus } from '../revocation-hearing/revocation-hearing-status';
import { permitView } from '../read-decisions/decision.view';
import { PermitEvents } from './permit-events';
import { RevokePermitCommand } from './revoke-permit.command';

/**
 * Revokes an active permit with reasons. EHDS art. 63 (from 2029) lets the access body revoke only
 * after hearing the user, with at most four weeks to answer; forvaltningsloven § 19 demands the same
 * now. So a revocation follows a hearing of the holder that was answered or whose deadline passed,
 * or records why the matter could not wait (§ 19, stk. 2) as a dispensed hearing. Data access ends
 * with it.
 */
@Injectable()
export class RevokePermit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: DecisionRepository,
    private readonly transitions: CaseTransitions,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
    private readonly permitEvents: PermitEvents,
    private readonly hearings: PartyHearingRepository,
  ) {}

  async execute(actor: Actor, { permitId, reason, urgencyReason, expectedVersion }: RevokePermitCommand) {
    return this.db.transaction(async (manager) => {
      const permit = await this.decisions.findPermit(manager, permitId, true);
      if (!permit) throw notFound('permit', permitId);
      const at = this.clock.now();
      const done = await this.transitions.transition(
        manager,
        actor,
        { caseId: permit.caseId, command: 'revoke_permit', expectedVersion, at, notFound: { what: 'permit', id: permitId } },
        async ({ c }) => {
          if (permit.state !== 'active') throw new DomainError('permit-not-active', `Permit ${permit.number} is ${permit.state}.`);
          const heard = revocationHearingStatus(await this.hearings.forPermit(manager, permit.id), at);
          const urgency = urgencyReason?.trim();
          // A matter that turns urgent while the holder still has time to answer may not wait either (§ 19, stk. 2).
          if (heard.status === 'open' && !urgency) {
            throw new DomainError('hearing-open', `The holder has until ${new Date(heard.hearing.answerDueAt!).toISOString()} to answer the hearing on this permit; revoke after the answer or the deadline.`, { hearingId: heard.hearing.id });
          }
          if (heard.status === 'none' && !urgency) {
            throw new DomainError('revocation-hearing-required', 'Hear the permit holder first (POST /v1/permits/{id}/hearings, at most four weeks to answer: EHDS art. 63), or state in urgencyReason why the revocation cannot wait (forvaltningsloven § 19, stk. 2).', {
              errors: [{ field: 'urgencyReason', rule: 'revocation-hearing', messages: ['hear the permit holder first, or give the reason the revocation cannot wait'] }],
            });
          }
          const hearing =
            heard.status === 'heard' && !urgency
              ? heard.hearing
              : await this.hearings.insert(manager, { caseId: c.id, subject: 'revocation', permitId: permit.id, subCaseId: null, kind: 'dispensed', draftGrounds: null, answerDueAt: null, dispensedReason: urgency!, sentBy: actor.sub, sentAt: at });
          const ended = await this.decisions.endPermit(manager, permit.id, 'revoked', actor.sub, reason, at);
          // Access ends with the permit: the holders get stop orders (issue 15).
          await this.permitEvents.emit(manager, { type: 'revoked', permit: ended, case: c, actor, at });
          await this.notifier.notify(manager, {
            to: { sub: c.applicantSub },
            kind: 'permit_revoked',
            caseId: c.id,
            caseNumber: c.number,
            title: { da: `Tilladelse ${permit.number} er tilbagekaldt`, en: `Permit ${permit.number} has been revoked` },
            body: { da: reason, en: reason },
          });
          return { result: ended, audit: { action: 'permit.revoked', payload: { permitId: permit.id, number: permit.number, reason, hearingId: hearing.id, ...(hearing.kind === 'dispensed' ? { urgencyReason: hearing.dispensedReason } : {}) } } };
        },
      );
      return permitView(done.result);
    });
  }
}
