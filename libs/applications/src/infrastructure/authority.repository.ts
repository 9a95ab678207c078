import { Track } from '@kp/cases';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthorityAssignment } from '../domain/records';
import { camel } from '@kp/persistence';

/** Track and deciding authority per data source over time; the newest effective assignment wins. */
@Injectable()
export class AuthorityRepository {
  async inForce(manager: EntityManager, dataSourceId: string, at: Date): Promise<Omit<AuthorityAssignment, 'origin'> | undefined> {
    const [row] = await manager.query(
      `SELECT id, data_source_id, track, deciding_authority, effective_from FROM authority_assignment
        WHERE data_source_id = $1 AND effective_from <= $2 ORDER BY effective_from DESC, created_at DESC LIMIT 1`,
      [dataSourceId, at],
    );
    return row ? camel(row) : undefined;
  }

  /** `inForce` for each of `dataSourceIds` in one statement (a submit names several sources): by source id, absent when none is. */
  async inForceOfMany(manager: EntityManager, dataSourceIds: string[], at: Date): Promise<Map<string, Omit<AuthorityAssignment, 'origin'>>> {
    if (dataSourceIds.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT DISTINCT ON (data_source_id) id, data_source_id, track, deciding_authority, effective_from FROM authority_assignment
        WHERE data_source_id = ANY($1::text[]) AND effective_from <= $2 ORDER BY data_source_id, effective_from DESC, created_at DESC`,
      [dataSourceIds, at],
    );
    return new Map(rows.map((row) => camel<Omit<AuthorityAssignment, 'origin'>>(row)).map((a) => [a.dataSourceId, a]));
  }

  /** Every source's assignment in force at `at` and all later ones, in one query (for the catalogue). */
  async allFrom(manager: EntityManager, at: Date): Promise<(Omit<AuthorityAssignment, 'origin'> & { inForce: boolean })[]> {
    const rows = await manager.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (data_source_id) id, data_source_id, track, deciding_authority, effective_from, true AS in_force
           FROM authority_assignment WHERE effective_from <= $1 ORDER BY data_source_id, effective_from DESC, created_at DESC) AS current
       UNION ALL
       SELECT id, data_source_id, track, deciding_authority, effective_from, false AS in_force
         FROM authority_assignment WHERE effective_from > $1
       ORDER BY effective_from`,
      [at],
    );
    return rows.map((row: Record<string, unknown>) => camel(row));
  }

  async insert(
    manager: EntityManager,
    a: { dataSourceId: string; track: Track; decidingAuthority: string; effectiveFrom: Date; reason: string; assignedBy: string },
  ): Promise<Omit<AuthorityAssignment, 'origin'> & { reason: string }> {
    const [row] = await manager.query(
      `INSERT INTO authority_assignment (data_source_id, track, deciding_authority, effective_from, reason, assigned_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, data_source_id, track, deciding_authority, effective_from, reason`,
      [a.dataSourceId, a.track, a.decidingAuthority, a.effectiveFrom, a.reason, a.assignedBy],
    );
    return camel(row);
  }
}
