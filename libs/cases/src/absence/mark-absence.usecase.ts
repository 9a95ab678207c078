import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { ForbiddenError, notFound, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffRepository } from '../infrastructure/staff.repository';
import { staffMemberView, StaffMemberView } from '../staff-directory/staff-member.view';
import { MarkAbsenceCommand } from './mark-absence.command';

/** The people who hold cases: the ones whose absence leaves cases waiting. */
export const CASE_HOLDING_ROLES = ['caseworker', 'legal_approver'];

/**
 * A caseworker or legal approver is marked absent, by an admin or by themselves, or present again.
 * While absent no case is assigned to them, and an admin can hand their open cases on in bulk
 * (ReassignCases), so the statutory clocks (EHDS art. 68(4)) do not run out on a desk nobody sits at.
 */
@Injectable()
export class MarkAbsence {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: MarkAbsenceCommand): Promise<StaffMemberView> {
    const self = actor.sub === command.sub;
    if (actor.role !== 'admin' && !(self && CASE_HOLDING_ROLES.includes(actor.role))) throw new ForbiddenError('Only an admin marks another person absent; a caseworker or legal approver may mark themselves.');
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      if (self) await this.staff.seen(manager, actor);
      const member = await this.staff.find(manager, command.sub, true);
      if (!member || !CASE_HOLDING_ROLES.includes(member.role)) throw notFound('staff member', command.sub);
      if (command.absent && command.until && command.until < copenhagenDateOf(at).toString()) {
        throw new ValidationFailedError('until lies in the past.', [{ field: 'until', rule: 'not-in-past', messages: ['must be today or later'] }]);
      }
      const updated = await this.staff.setAbsence(manager, member.sub, command.absent ? { since: member.absentSince ?? at, until: command.until ?? null, by: actor.sub } : null);
      await this.audit.append(manager, {
        actor,
        action: command.absent ? 'staff_member.absent' : 'staff_member.present',
        subject: { type: 'staff_member', id: member.sub },
        payload: { sub: member.sub, role: member.role, ...(command.absent ? { until: command.until ?? null } : {}) },
      });
      return staffMemberView(updated);
    });
  }
}
