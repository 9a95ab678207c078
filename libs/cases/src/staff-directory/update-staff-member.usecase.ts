import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { ForbiddenError, NotFoundError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffRepository } from '../infrastructure/staff.repository';
import { staffMemberView, StaffMemberView } from './staff-member.view';
import { UpdateStaffMemberCommand } from './update-staff-member.command';

/**
 * An admin corrects where notices reach a person (e-mail, language) or marks them inactive, so a
 * notice to their role no longer reaches them (someone who left, or is on leave). Audited: who may
 * be told about a case is part of how it was handled.
 */
@Injectable()
export class UpdateStaffMember {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { sub, email, language, active }: UpdateStaffMemberCommand): Promise<StaffMemberView> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin edits the staff directory.');
    return this.db.transaction(async (manager) => {
      const before = await this.staff.find(manager, sub, true);
      if (!before) throw new NotFoundError('staff member', sub, `There is no staff member ${sub}: people enter the directory when they first sign in, or when an admin adds them.`);
      const after = await this.staff.update(manager, sub, { email, language, active }, actor.sub, this.clock.now());
      const changed = (['email', 'language', 'active'] as const).filter((field) => before[field] !== after[field]);
      await this.audit.append(manager, {
        actor,
        action: 'staff_member.updated',
        subject: { type: 'staff_member', id: sub },
        payload: { changed, email: after.email, emailSource: after.emailSource, language: after.language, active: after.active },
      });
      return staffMemberView(after);
    });
  }
}
