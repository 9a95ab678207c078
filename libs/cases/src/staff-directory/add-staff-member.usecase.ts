import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { DomainError, ForbiddenError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StaffRepository } from '../infrastructure/staff.repository';
import { AddStaffMemberCommand } from './add-staff-member.command';
import { staffMemberView, StaffMemberView } from './staff-member.view';

/**
 * An admin adds a person before their first sign-in (a new advisor, a controller's decider), so
 * notices to their role reach them by e-mail from the start. Their first sign-in with this address
 * in the token's `email` claim takes the entry over (StaffRepository.seen). Audited, like every
 * change to who may be told about a case.
 */
@Injectable()
export class AddStaffMember {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: AddStaffMemberCommand): Promise<StaffMemberView> {
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin edits the staff directory.');
    return this.db.transaction(async (manager) => {
      const entry = {
        sub: `added:${randomUUID()}`,
        role: command.role,
        organisation: command.organisation ?? null,
        region: command.region ?? null,
        name: command.name.trim(),
        email: command.email,
        language: command.language,
        active: command.active,
      };
      const added = await this.staff.add(manager, entry, actor.sub, this.clock.now());
      if (!added) {
        throw new DomainError('staff-member-exists', `Someone in the staff directory already has the address ${command.email}.`, {
          errors: [{ field: 'email', messages: ['someone in the directory already has this address'], rule: 'email-taken' }],
        });
      }
      await this.audit.append(manager, {
        actor,
        action: 'staff_member.added',
        subject: { type: 'staff_member', id: added.sub },
        payload: { role: added.role, organisation: added.organisation, region: added.region, email: added.email, language: added.language, active: added.active },
      });
      return staffMemberView(added);
    });
  }
}
