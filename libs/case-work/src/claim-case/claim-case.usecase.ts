import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DomainProblem } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictCheck } from '../conflicts/conflict-check';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';
import { StaffRepository } from '../infrastructure/staff.repository';
import { assignmentView, AssignmentView } from '../views/assignment.view';
import { WorkOnCase } from '../work-on-case/work-on-case';

/**
 * A caseworker or legal approver takes a case: one assignee at a time, so a case someone else
 * holds is refused (409, naming the holder), and a declared conflict of interest in the applicant
 * organisation refuses it too (forvaltningsloven § 3). Claiming a case you already hold changes nothing.
 */
@Injectable()
export class ClaimCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly caseWork: CaseWorkRepository,
    private readonly staff: StaffRepository,
    private readonly conflicts: ConflictCheck,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, caseId: string, expectedVersion?: number): Promise<AssignmentView> {
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'claim', expectedVersion);
      await this.staff.seen(manager, actor);
      if (c.assigneeSub === actor.sub) return assignmentView(c);
      if (c.assigneeSub) {
        throw new DomainProblem(409, 'case-claimed', `Case ${c.number} is held by ${c.assigneeSub}; they can release it, or a colleague can assign it to you.`, {
          holder: c.assigneeSub,
        });
      }
      await this.conflicts.assertNoConflict(manager, actor.sub, c.applicantOrg);
      const updated = await this.caseWork.setAssignee(manager, c.id, actor.sub);
      await this.audit.append(manager, { actor, action: 'case.claimed', subject: { type: 'case', id: c.number }, payload: { caseId: c.id, state: c.state } });
      return assignmentView(updated);
    });
  }
}
