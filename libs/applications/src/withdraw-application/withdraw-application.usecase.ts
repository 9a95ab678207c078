import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { assertVersion } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertCommandAllowed, CaseState } from '../domain/lifecycle';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { CaseRepository } from '../infrastructure/case.repository';
import { loadOwnApplication } from '../get-application/load-own-application';
import { applicationView, ApplicationView } from '../views/application.view';
import { CaseClockService } from '../views/case-clock.service';

/**
 * The applicant withdraws from any open state — a need REMS users report unmet. Sub-cases already
 * decided stay decided; the rest end as withdrawn and the clock stops.
 */
@Injectable()
export class WithdrawApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseRepository,
    private readonly clocks: CaseClockService,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, id: string, reason?: string, expectedCaseVersion?: number): Promise<ApplicationView> {
    return this.db.transaction(async (manager) => {
      const application = await loadOwnApplication(manager, this.applications, actor, id, true);
      let c = application.caseId ? await this.cases.find(manager, application.caseId, true) : undefined;
      const state: CaseState = c ? c.state : application.status === 'draft' ? 'draft' : 'withdrawn';
      assertCommandAllowed(state, actor.role, 'withdraw');
      const now = new Date();
      if (c) {
        assertVersion(expectedCaseVersion, c.version, 'case');
        const open = (await this.cases.subCases(manager, c.id)).filter((s) => s.state !== 'decided');
        await this.cases.setSubCaseState(manager, open.map((s) => s.id), 'withdrawn');
        // Drafts waiting for the legal approver end with the application; nothing is left pending.
        await manager.query(
          `UPDATE decision_draft SET state = 'returned', closed_by = $2, closed_at = now(), return_reason = 'application withdrawn'
            WHERE case_id = $1 AND state = 'pending'`,
          [c.id, actor.sub],
        );
        c = await this.cases.setState(manager, c.id, 'withdrawn', { withdrawnAt: now });
        await this.cases.addClockEvent(manager, c.id, 'withdrawn', now, reason);
        await this.clocks.refresh(manager, c.id, now);
      }
      const updated = await this.applications.update(manager, id, { status: 'withdrawn' });
      await this.audit.append(manager, {
        actor,
        action: 'application.withdrawn',
        subject: c ? { type: 'case', id: c.number } : { type: 'application', id },
        payload: { applicationId: id, caseId: c?.id ?? null, fromState: state, reason: reason ?? null },
      });
      return applicationView(updated, c);
    });
  }
}
