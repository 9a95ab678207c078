import { Actor } from '@kp/auth';
import { camel, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeclaredConflict, StaffMember } from '../domain/records';

/** The one repository of `staff_member` and `declared_conflict`: contact-point staff as seen in verified tokens, and their declared conflicts of interest. */
@Injectable()
export class StaffRepository {
  /** Records that this staff member exists (and their current role), so others can assign cases to them. */
  async seen(manager: EntityManager, actor: Actor): Promise<void> {
    await manager.query(
      `INSERT INTO staff_member (sub, role, organisation, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sub) DO UPDATE SET role = EXCLUDED.role, organisation = EXCLUDED.organisation,
                                       name = COALESCE(EXCLUDED.name, staff_member.name), last_seen_at = now()`,
      [actor.sub, actor.role, actor.organisation ?? null, actor.name ?? null],
    );
  }

  async find(manager: EntityManager, sub: string): Promise<StaffMember | undefined> {
    const [row] = await manager.query(`SELECT sub, role, organisation, name, last_seen_at FROM staff_member WHERE sub = $1`, [sub]);
    return row ? camel(row) : undefined;
  }

  async conflicts(manager: EntityManager, sub: string): Promise<DeclaredConflict[]> {
    return rowsOf(await manager.query(`SELECT * FROM declared_conflict WHERE actor_sub = $1 ORDER BY organisation_cvr`, [sub]));
  }

  async conflict(manager: EntityManager, sub: string, organisationCvr: string): Promise<DeclaredConflict | undefined> {
    const [row] = await manager.query(`SELECT * FROM declared_conflict WHERE actor_sub = $1 AND organisation_cvr = $2`, [sub, organisationCvr]);
    return row ? camel(row) : undefined;
  }

  /** Replaces the whole declaration; an unchanged entry keeps its original declaration time. */
  async replaceConflicts(manager: EntityManager, sub: string, organisations: { cvr: string; reason: string }[]): Promise<void> {
    await manager.query(`DELETE FROM declared_conflict WHERE actor_sub = $1 AND NOT (organisation_cvr = ANY($2::text[]))`, [sub, organisations.map((o) => o.cvr)]);
    for (const o of organisations) {
      await manager.query(
        `INSERT INTO declared_conflict (actor_sub, organisation_cvr, reason) VALUES ($1, $2, $3)
         ON CONFLICT (actor_sub, organisation_cvr) DO UPDATE SET reason = EXCLUDED.reason,
           declared_at = CASE WHEN declared_conflict.reason = EXCLUDED.reason THEN declared_conflict.declared_at ELSE now() END`,
        [sub, o.cvr, o.reason],
      );
    }
  }
}
