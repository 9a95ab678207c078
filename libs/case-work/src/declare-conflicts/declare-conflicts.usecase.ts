import { StaffRepository } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { FieldError, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflictsView, ConflictsView } from '../views/conflicts.view';

export interface DeclaredOrganisation {
  cvr: string;
  reason: string;
}

export const MAX_DECLARED_CONFLICTS = 200;

/** Problems with a declaration; empty when it is valid (the command checks itself, not only the HTTP edge). */
export function declarationProblems(organisations: DeclaredOrganisation[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!Array.isArray(organisations)) return [{ field: 'organisations', messages: ['must be a list'] }];
  if (organisations.length > MAX_DECLARED_CONFLICTS) problems.push({ field: 'organisations', messages: [`at most ${MAX_DECLARED_CONFLICTS} organisations`] });
  const seen = new Set<string>();
  organisations.forEach((o, i) => {
    if (typeof o?.cvr !== 'string' || !/^\d{8}$/.test(o.cvr)) problems.push({ field: `organisations[${i}].cvr`, messages: ['must be an 8-digit CVR number'] });
    else if (seen.has(o.cvr)) problems.push({ field: `organisations[${i}].cvr`, messages: [`${o.cvr} is listed twice`] });
    else seen.add(o.cvr);
    if (typeof o?.reason !== 'string' || o.reason.trim() === '' || o.reason.length > 1000) {
      problems.push({ field: `organisations[${i}].reason`, messages: ['must say why, in at most 1000 characters'] });
    }
  });
  return problems;
}

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

  async execute(actor: Actor, organisations: DeclaredOrganisation[]): Promise<ConflictsView> {
    const problems = declarationProblems(organisations);
    if (problems.length) throw new ValidationFailedError(`The declaration has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
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
