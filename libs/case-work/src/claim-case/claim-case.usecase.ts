import { BusinessClock } from '@kp/clock';
import { CaseTransitions, ConflictCheck, StaffRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assignmentView, AssignmentView } from '../views/assignment.view';
import { ClaimCaseCommand } from './claim-case.command';

/**
 * A caseworker or legal approver takes a case: one assignee at a time, so a case someone else
 * holds is refused (409, naming the holder), and a declared conflict of interest in the applicant
 * organisation refuses it too (forvaltningsloven § 3). Claiming a case you already hold changes nothing.
 */
@Injectable()
export class ClaimCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly staff: StaffRepository,
    private readonly conflicts: ConflictCheck,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId, expectedVersion }: ClaimCaseCommand): Promise<AssignmentView> {
    return this.db.transaction(async (manager) => {
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'claim', expectedVersion, at: this.clock.now() }, async ({ c }) => {
        await this.staff.seen(manager, actor);
        if (c.assigneeSub === actor.sub) return { unchanged: true };
        if (c.assigneeSub) {
          throw new DomainError('case-claimed', `Case ${c.number} is held by ${c.assigneeSub}; they can release it, or a colleague can assign it to you.`, {
            holder: c.assigneeSub,
          });
        }
        await this.conflicts.assertNoConflict(manager, actor.sub, c.applicantOrg);
        return { assigneeSub: actor.sub, audit: { action: 'case.claimed', payload: { caseId: c.id, state: c.state } } };
      });
      return assignmentView(done.case);
    });
  }
}
