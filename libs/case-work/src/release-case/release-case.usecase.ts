import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DomainProblem } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';
import { StaffRepository } from '../infrastructure/staff.repository';
import { assignmentView, AssignmentView } from '../views/assignment.view';
import { WorkOnCase } from '../work-on-case/work-on-case';

/** The holder gives a case back to its queue; nobody else can release it for them (assign instead). */
@Injectable()
export class ReleaseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly caseWork: CaseWorkRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, caseId: string, expectedVersion?: number): Promise<AssignmentView> {
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'release', expectedVersion);
      await this.staff.seen(manager, actor);
      if (!c.assigneeSub) throw new DomainProblem(409, 'not-claimed', `Nobody holds case ${c.number}, so there is nothing to release.`);
      if (c.assigneeSub !== actor.sub) {
        throw new DomainProblem(403, 'not-holder', `Only the holder, ${c.assigneeSub}, can release case ${c.number}; to move it, assign it instead.`, { holder: c.assigneeSub });
      }
      const updated = await this.caseWork.setAssignee(manager, c.id, null);
      await this.audit.append(manager, { actor, action: 'case.released', subject: { type: 'case', id: c.number }, payload: { caseId: c.id, state: c.state } });
      return assignmentView(updated);
    });
  }
}
