import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { permitView } from '../read-decisions/decision.view';
import { PermitEvents } from './permit-events';
import { RevokePermitCommand } from './revoke-permit.command';

/**
 * Revokes an active permit with reasons (EHDS art. 63: the access body may revoke after hearing the
 * user; the hearing is recorded by its reference). Data access ends with it.
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
  ) {}

  async execute(actor: Actor, { permitId, reason, hearingReference, expectedVersion }: RevokePermitCommand) {
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
          return { result: ended, audit: { action: 'permit.revoked', payload: { permitId: permit.id, number: permit.number, reason, hearingReference: hearingReference ?? null } } };
        },
      );
      return permitView(done.result);
    });
  }
}
