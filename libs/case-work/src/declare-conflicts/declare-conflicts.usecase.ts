import { StaffRepository } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictsView, ConflictsView } from '../views/conflicts.view';
import { DeclareConflictsCommand } from './declare-conflicts.command';

/**
 * A staff member declares the organisations they are not impartial towards (forvaltningsloven § 3);
 * the list replaces the earlier one. Audited with the organisations but not the reasons, which can
 * be personal.
 */
@Injectable()
export class DeclareConflicts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, { organisations }: DeclareConflictsCommand): Promise<ConflictsView> {
    return this.db.transaction(async (manager) => {
      await this.staff.seen(manager, actor);
      const before = (await this.staff.conflicts(manager, actor.sub)).map((k) => k.organisationCvr);
      await this.staff.replaceConflicts(manager, actor.sub, organisations.map((o) => ({ cvr: o.cvr, reason: o.reason.trim() })));
      const after = await this.staff.conflicts(manager, actor.sub);
      const now = after.map((k) => k.organisationCvr);
      await this.audit.append(manager, {
        actor,
        action: 'staff.conflicts_declared',
        subject: { type: 'staff', id: actor.sub },
        payload: { organisations: now, added: now.filter((c) => !before.includes(c)), removed: before.filter((c) => !now.includes(c)) },
      });
      return conflictsView(after);
    });
  }
}
