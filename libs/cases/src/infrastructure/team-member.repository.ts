import { camel, isUuid, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TeamMemberRecord, TeamRole } from '../domain/records';

/**
 * The one repository of `team_member`: the applicant's invitations to co-applicants and named
 * researchers, and the memberships they became. The case kernel owns it because who may read a
 * case (canSeeCase) depends on it.
 */
@Injectable()
export class TeamMemberRepository {
  /** A new invitation, or the open one to the same address renewed (a second invitation is a reminder). */
  async invite(manager: EntityManager, i: { applicationId: string; email: string; name: string | null; teamRole: TeamRole; invitedBy: string; invitedAt: Date; expiresAt: Date }): Promise<TeamMemberRecord | undefined> {
    const [row] = await manager.query(
      `INSERT INTO team_member (application_id, email, name, team_role, invited_by, invited_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (application_id, lower(email)) WHERE removed_at IS NULL DO UPDATE
         SET name = EXCLUDED.name, team_role = EXCLUDED.team_role, invited_by = EXCLUDED.invited_by, invited_at = EXCLUDED.invited_at, expires_at = EXCLUDED.expires_at
         WHERE team_member.member_sub IS NULL
       RETURNING *`,
      [i.applicationId, i.email, i.name, i.teamRole, i.invitedBy, i.invitedAt, i.expiresAt],
    );
    return row ? camel(row) : undefined;
  }

  /** An invitation or membership not removed. */
  async find(manager: EntityManager, id: string, lock = false): Promise<TeamMemberRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM team_member WHERE id = $1 AND removed_at IS NULL${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? camel(row) : undefined;
  }

  async forApplication(manager: EntityManager, applicationId: string): Promise<TeamMemberRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM team_member WHERE application_id = $1 AND removed_at IS NULL ORDER BY invited_at, id`, [applicationId]));
  }

  /** Open, unexpired invitations to this address, newest first. */
  async openFor(manager: EntityManager, email: string, at: Date): Promise<TeamMemberRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM team_member WHERE lower(email) = lower($1) AND member_sub IS NULL AND removed_at IS NULL AND expires_at > $2 ORDER BY invited_at DESC, id`, [email, at]));
  }

  async accept(manager: EntityManager, id: string, memberSub: string, at: Date): Promise<TeamMemberRecord> {
    // An UPDATE answers [rows, count] through TypeORM's pg driver.
    const [rows] = await manager.query(`UPDATE team_member SET member_sub = $2, accepted_at = $3 WHERE id = $1 RETURNING *`, [id, memberSub, at]);
    return camel(rows[0]);
  }

  async isMember(manager: EntityManager, applicationId: string, sub: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM team_member WHERE application_id = $1 AND member_sub = $2 AND removed_at IS NULL`, [applicationId, sub]);
    return !!row;
  }

  /** The invitation withdrawn or the membership ended, at once: every read of the draft and the case checks `removed_at`. */
  async remove(manager: EntityManager, id: string, by: string, at: Date): Promise<TeamMemberRecord> {
    const [rows] = await manager.query(`UPDATE team_member SET removed_at = $3, removed_by = $2 WHERE id = $1 RETURNING *`, [id, by, at]);
    return camel(rows[0]);
  }

  /** This person's role on the application's team, if they are a member. */
  async roleOf(manager: EntityManager, applicationId: string, sub: string): Promise<TeamRole | undefined> {
    const [row] = await manager.query(`SELECT team_role FROM team_member WHERE application_id = $1 AND member_sub = $2 AND removed_at IS NULL`, [applicationId, sub]);
    return row?.team_role;
  }

  /** The applications this person reads as a team member. */
  async applicationsOf(manager: EntityManager, sub: string): Promise<string[]> {
    return (await this.membershipsOf(manager, sub)).map((m) => m.applicationId);
  }

  /** The applications this person reads as a team member, with their role on each. */
  async membershipsOf(manager: EntityManager, sub: string): Promise<{ applicationId: string; teamRole: TeamRole }[]> {
    const rows: { application_id: string; team_role: TeamRole }[] = await manager.query(`SELECT application_id, team_role FROM team_member WHERE member_sub = $1 AND removed_at IS NULL ORDER BY accepted_at, id`, [sub]);
    return rows.map((r) => ({ applicationId: r.application_id, teamRole: r.team_role }));
  }

  /** Retention: the co-applicants' and named researchers' names, addresses and memberships go with the case. */
  async eraseForRetention(manager: EntityManager, applicationId: string): Promise<number> {
    const [, affected] = await manager.query(`DELETE FROM team_member WHERE application_id = $1`, [applicationId]);
    return affected as number;
  }
}
