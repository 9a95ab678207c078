import { BusinessClock } from '@kp/clock';
import { CaseTransitions, ConflictCheck, StaffRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assignmentView, AssignmentView } from '../views/assignment.view';
import { AssignCaseCommand } from './assign-case.command';

const ASSIGNABLE_ROLES = ['caseworker', 'legal_approver'];

/**
 * A caseworker or legal approver hands a case to a colleague (caseworker or legal approver), who
 * becomes its one assignee in place of any earlier one. The colleague must be known to the contact
 * point (signed in to case work before) and must not have declared a conflict of interest in the
 * applicant organisation (forvaltningsloven § 3).
 */
@Injectable()
export class AssignCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly staff: StaffRepository,
    private readonly conflicts: ConflictCheck,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId, assignee, expectedVersion }: AssignCaseCommand): Promise<AssignmentView> {
    return this.db.transaction(async (manager) => {
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'assign', expectedVersion, at: this.clock.now() }, async ({ c }) => {
        await this.staff.seen(manager, actor);
        const member = await this.staff.find(manager, assignee);
        if (!member || !ASSIGNABLE_ROLES.includes(member.role)) {
          throw new DomainError('unknown-assignee', `${assignee} is not a caseworker or legal approver known to the contact point (they must have signed in to case work once).`, {
            assignee,
          });
        }
        // Absence (issue 16): a case handed to someone away would wait on nobody.
        if (member.absentSince) throw new DomainError('assignee-absent', `${assignee} is marked absent${member.absentUntil ? ` until ${member.absentUntil}` : ''}; choose someone at work.`, { assignee });
        await this.conflicts.assertNoConflict(manager, assignee, c.applicantOrg, { about: 'assignee' });
        if (c.assigneeSub === assignee) return { unchanged: true };
        return {
          assigneeSub: assignee,
          audit: { action: 'case.assigned', payload: { caseId: c.id, assignee, assigneeRole: member.role, previous: c.assigneeSub, state: c.state } },
        };
      });
      return assignmentView(done.case);
    });
  }
}
