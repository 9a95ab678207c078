import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { DomainError, ForbiddenError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictCheck } from '../conflicts/conflict-check';
import { CaseFileRepository } from '../infrastructure/case-file.repository';
import { StaffRepository } from '../infrastructure/staff.repository';
import { CaseTransitions } from '../transition/case-transitions';
import { SystemActor } from '../transition/case-actor';
import { CASE_HOLDING_ROLES } from './mark-absence.usecase';
import { ReassignCasesCommand } from './reassign-cases.command';

const SYSTEM: SystemActor = { sub: 'system', role: 'system', organisation: null };

export interface Reassignment {
  from: string;
  to: string;
  reassigned: { caseId: string; number: string }[];
  /** Cases left with the absent person: the new holder declared a conflict of interest in the applicant (forvaltningsloven § 3). */
  skipped: { caseId: string; number: string; reason: string }[];
}

/**
 * An admin hands every open case a person holds (typically one marked absent) to another caseworker
 * or legal approver, in one transaction. Admins do not read cases, so each case moves by the kernel's
 * system command `reassign` (a row in the lifecycle table), audited per case with the admin named;
 * a case whose applicant the new holder declared a conflict in stays where it was (forvaltningsloven
 * § 3) and is listed. The whole reassignment is one more audit event by the admin.
 */
@Injectable()
export class ReassignCases {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
    private readonly cases: CaseFileRepository,
    private readonly transitions: CaseTransitions,
    private readonly conflicts: ConflictCheck,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { from, to }: ReassignCasesCommand): Promise<Reassignment> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin reassigns a person’s cases in bulk.');
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const holder = await this.staff.find(manager, from);
      if (!holder || !CASE_HOLDING_ROLES.includes(holder.role)) throw notFound('staff member', from);
      const successor = await this.staff.find(manager, to);
      if (!successor || !CASE_HOLDING_ROLES.includes(successor.role) || successor.sub === holder.sub) {
        throw new DomainError('unknown-assignee', `${to} is not another caseworker or legal approver known to the contact point.`, { assignee: to });
      }
      if (successor.absentSince) throw new DomainError('assignee-absent', `${to} is marked absent${successor.absentUntil ? ` until ${successor.absentUntil}` : ''}; choose someone at work.`, { assignee: to });
      const result: Reassignment = { from, to, reassigned: [], skipped: [] };
      for (const caseId of await this.cases.openCaseIdsHeldBy(manager, from)) {
        await this.transitions.transition(manager, SYSTEM, { caseId, command: 'reassign', at }, async ({ c }) => {
          if (c.assigneeSub !== from) return { unchanged: true };
          if (await this.conflicts.hasConflict(manager, to, c.applicantOrg)) {
            result.skipped.push({ caseId: c.id, number: c.number, reason: 'conflict-of-interest' });
            return { unchanged: true };
          }
          result.reassigned.push({ caseId: c.id, number: c.number });
          return { assigneeSub: to, audit: { action: 'case.reassigned', payload: { caseId: c.id, from, to, by: actor.sub, reason: holder.absentSince ? 'absence' : 'reassignment' } } };
        });
      }
      await this.audit.append(manager, {
        actor,
        action: 'staff_member.cases_reassigned',
        subject: { type: 'staff_member', id: from },
        payload: { from, to, reassigned: result.reassigned.map((r) => r.number), skipped: result.skipped.map((s) => s.number) },
      });
      return result;
    });
  }
}
