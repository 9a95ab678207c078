import { canSeeCase, CaseRepository, assertCommandAllowed } from '@kp/applications';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { ConflictCheck } from '@kp/case-work';
import { assertVersion, DomainProblem, notFound } from '@kp/http';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { permitView } from '../read-decisions/decision.view';

/**
 * Revokes an active permit with reasons (EHDS art. 63: the access body may revoke after hearing the
 * user; the hearing is recorded by its reference). Data access ends with it.
 */
@Injectable()
export class RevokePermit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: DecisionRepository,
    private readonly cases: CaseRepository,
    private readonly notifier: Notifier,
    private readonly conflicts: ConflictCheck,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, permitId: string, reason: string, hearingReference?: string, expectedVersion?: number) {
    return this.db.transaction(async (manager) => {
      const permit = await this.decisions.findPermit(manager, permitId, true);
      const c = permit ? await this.cases.find(manager, permit.caseId, true) : undefined;
      if (!permit || !c || !canSeeCase(actor, c, await this.cases.subCases(manager, c.id), [])) {
        throw notFound('permit', permitId);
      }
      assertCommandAllowed(c.state, actor.role, 'revoke_permit');
      assertVersion(expectedVersion, c.version, 'case');
      await this.conflicts.assertNoConflict(manager, actor.sub, c.applicantOrg);
      if (permit.state !== 'active') throw new DomainProblem(409, 'permit-not-active', `Permit ${permit.number} is ${permit.state}.`);
      const ended = await this.decisions.endPermit(manager, permit.id, 'revoked', actor.sub, reason);
      await this.cases.touch(manager, c.id);
      await this.notifier.notify(manager, {
        to: { sub: c.applicantSub },
        kind: 'permit_revoked',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Tilladelse ${permit.number} er tilbagekaldt`, en: `Permit ${permit.number} has been revoked` },
        body: { da: reason, en: reason },
      });
      await this.audit.append(manager, {
        actor,
        action: 'permit.revoked',
        subject: { type: 'case', id: c.number },
        payload: { permitId: permit.id, number: permit.number, reason, hearingReference: hearingReference ?? null },
      });
      return permitView(ended);
    });
  }
}
