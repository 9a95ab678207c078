import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { AuditLog, textDigest } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertCommandAllowed } from '@kp/cases';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { ApplicationAccess } from '../get-application/load-own-application';
import { applicationView, ApplicationView } from '../views/application.view';
import { WithdrawApplicationCommand } from './withdraw-application.command';

/**
 * The applicant withdraws from any open state — a need REMS users report unmet. Sub-cases already
 * decided stay decided; the rest end as withdrawn and the clock stops (the `withdraw` row of the
 * state-effects table). Other libraries' effects (pending decision drafts) are kernel hooks.
 */
@Injectable()
export class WithdrawApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccess,
    private readonly transitions: CaseTransitions,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { applicationId: id, reason, expectedCaseVersion }: WithdrawApplicationCommand): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const application = await this.access.own(manager, actor, id, true);
      const audit = (caseId: string | null, fromState: string) => ({
        action: 'application.withdrawn',
        payload: { applicationId: id, caseId, fromState, reasonSha256: textDigest(reason) },
      });
      if (application.caseId) {
        const done = await this.transitions.transition(
          manager,
          actor,
          { caseId: application.caseId, command: 'withdraw', expectedVersion: expectedCaseVersion, at: this.clock.now() },
          async ({ c }) => ({ reason, audit: audit(c.id, c.state) }),
        );
        return applicationView(await this.applications.update(manager, id, { status: 'withdrawn', at: this.clock.now() }), done.case);
      }
      const state = application.status === 'draft' ? 'draft' : 'withdrawn';
      assertCommandAllowed(state, actor.role, 'withdraw');
      const updated = await this.applications.update(manager, id, { status: 'withdrawn', at: this.clock.now() });
      const event = audit(null, state);
      await this.audit.append(manager, { actor, action: event.action, subject: { type: 'application', id }, payload: event.payload });
      return applicationView(updated, undefined);
    });
  }
}
