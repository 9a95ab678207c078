import { Actor } from '@kp/auth';
import { camel, KeysetPosition, keysetKeySql, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeclaredConflict, NoticeLanguage, StaffMember } from '../domain/records';

function member(row: Record<string, unknown>): StaffMember {
  const { position: _, ...rest } = row;
  return camel<StaffMember>(rest);
}

const STAFF_COLUMNS = `sub, role, organisation, region, name, email, email_source, language, active, first_seen_at, last_seen_at, signed_in, added_by, updated_by, updated_at,
  absent_since, to_char(absent_until, 'YYYY-MM-DD') AS absent_until, absence_marked_by, ${keysetKeySql('first_seen_at')} AS position`;

/** The language of a `locale` claim: English for `en…`, Danish otherwise (the default). */
export function languageOfLocale(locale: string | undefined): NoticeLanguage | undefined {
  if (!locale) return undefined;
  return /^en\b/i.test(locale) ? 'en' : 'da';
}

/** Who a notice to a role reaches: its members, optionally only those of one organisation or region. */
export interface RoleAudience {
  role: string;
  organisation?: string;
  region?: string;
}

/** What an admin may change in the directory; what is absent stays. */
export interface StaffChanges {
  email?: string | null;
  language?: NoticeLanguage;
  active?: boolean;
}

/** The one repository of `staff_member` and `declared_conflict`: people as seen in verified tokens and as an admin edited them, and their declared conflicts of interest. */
@Injectable()
export class StaffRepository {
  /**
   * Records a sign-in: that this person exists (so others can assign cases to them and notices reach
   * them) with their current role, organisation, region and name. The `email` claim keeps the
   * address current unless an admin set it; the `locale` claim, when present, the language.
   */
  async seen(manager: EntityManager, actor: Actor): Promise<void> {
    await this.takeOverAddedEntry(manager, actor);
    await manager.query(
      `INSERT INTO staff_member (sub, role, organisation, region, name, email, language) VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, 'da'))
       ON CONFLICT (sub) DO UPDATE SET role = EXCLUDED.role, organisation = EXCLUDED.organisation, region = EXCLUDED.region,
                                       name = COALESCE(EXCLUDED.name, staff_member.name),
                                       email = CASE WHEN staff_member.email_source = 'admin' THEN staff_member.email ELSE COALESCE(EXCLUDED.email, staff_member.email) END,
                                       language = COALESCE($7, staff_member.language),
                                       last_seen_at = now()`,
      [actor.sub, actor.role, actor.organisation ?? null, actor.region ?? null, actor.name ?? null, actor.email ?? null, languageOfLocale(actor.locale) ?? null],
    );
  }

  /**
   * A first sign-in takes over the entry an admin added for its address (the `email` claim,
   * case-insensitive), keeping what the admin set (address, language, active) and taking role,
   * organisation and region from the token, which is the authority on them. By address, not by
   * subject: an identity provider's subject is opaque and unknown before the first sign-in.
   */
  private async takeOverAddedEntry(manager: EntityManager, actor: Actor): Promise<void> {
    if (!actor.email) return;
    await manager.query(
      `UPDATE staff_member SET sub = $1, signed_in = true, role = $2, organisation = $3, region = $4, name = COALESCE($5, name), last_seen_at = now()
        WHERE NOT signed_in AND lower(email) = lower($6) AND NOT EXISTS (SELECT 1 FROM staff_member WHERE sub = $1)`,
      [actor.sub, actor.role, actor.organisation ?? null, actor.region ?? null, actor.name ?? null, actor.email],
    );
  }

  /** An entry an admin adds before the person signs in; undefined when someone, signed in or not, already has the address. */
  async add(manager: EntityManager, entry: { sub: string; role: string; organisation: string | null; region: string | null; name: string; email: string; language: NoticeLanguage; active: boolean }, by: string, at: Date): Promise<StaffMember | undefined> {
    const [taken] = await manager.query(`SELECT sub FROM staff_member WHERE lower(email) = lower($1) LIMIT 1`, [entry.email]);
    if (taken) return undefined;
    try {
      const [row] = await manager.query(
        `INSERT INTO staff_member (sub, role, organisation, region, name, email, email_source, language, active, signed_in, added_by, first_seen_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'admin', $7, $8, false, $9, $10, $10)
         RETURNING ${STAFF_COLUMNS}`,
        [entry.sub, entry.role, entry.organisation, entry.region, entry.name, entry.email, entry.language, entry.active, by, at],
      );
      return member(row);
    } catch (error) {
      // Another admin added the same address a moment ago (staff_member_waiting_email).
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') return undefined;
      throw error;
    }
  }

  async find(manager: EntityManager, sub: string, lock = false): Promise<StaffMember | undefined> {
    const [row] = await manager.query(`SELECT ${STAFF_COLUMNS} FROM staff_member WHERE sub = $1${lock ? ' FOR UPDATE' : ''}`, [sub]);
    return row ? member(row) : undefined;
  }

  /** The directory in the order people were first seen, keyset-paginated on (first_seen_at, sub). */
  async page(
    manager: EntityManager,
    filter: { role?: string; active?: boolean },
    limit: number,
    after?: KeysetPosition,
  ): Promise<(StaffMember & { position: string })[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${STAFF_COLUMNS} FROM staff_member
        WHERE ($1::text IS NULL OR role = $1)
          AND ($2::boolean IS NULL OR active = $2)
          AND ($3::timestamptz IS NULL OR (first_seen_at, sub) > ($3::timestamptz, $4::text))
        ORDER BY first_seen_at, sub
        LIMIT $5`,
      [filter.role ?? null, filter.active ?? null, after?.key ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => ({ ...member(row), position: row.position as string }));
  }

  /** The active members a notice to this role reaches (scoped to the organisation or region when it is). */
  async activeMembers(manager: EntityManager, audience: RoleAudience): Promise<StaffMember[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${STAFF_COLUMNS} FROM staff_member
        WHERE active AND role = $1 AND ($2::text IS NULL OR organisation = $2) AND ($3::text IS NULL OR region = $3)
        ORDER BY sub`,
      [audience.role, audience.organisation ?? null, audience.region ?? null],
    );
    return rows.map(member);
  }

  /** An admin's edit; an e-mail set here is the admin's until they clear it (null), when the token's claim takes over again. */
  async update(manager: EntityManager, sub: string, changes: StaffChanges, by: string, at: Date): Promise<StaffMember> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [[row]] = await manager.query(
      `UPDATE staff_member SET
          email = CASE WHEN $2::boolean THEN $3 ELSE email END,
          email_source = CASE WHEN $2::boolean THEN (CASE WHEN $3::text IS NULL THEN 'token' ELSE 'admin' END) ELSE email_source END,
          language = COALESCE($4, language),
          active = COALESCE($5, active),
          updated_by = $6, updated_at = $7
        WHERE sub = $1
        RETURNING ${STAFF_COLUMNS}`,
      [sub, changes.email !== undefined, changes.email ?? null, changes.language ?? null, changes.active ?? null, by, at],
    );
    return member(row);
  }

  /** Marks the person absent (since, until a day or open-ended) or, with null, present again. */
  async setAbsence(manager: EntityManager, sub: string, absence: { since: Date; until: string | null; by: string } | null): Promise<StaffMember> {
    const [[row]] = await manager.query(
      `UPDATE staff_member SET absent_since = $2, absent_until = $3, absence_marked_by = $4 WHERE sub = $1 RETURNING ${STAFF_COLUMNS}`,
      [sub, absence?.since ?? null, absence?.until ?? null, absence?.by ?? null],
    );
    return member(row);
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
