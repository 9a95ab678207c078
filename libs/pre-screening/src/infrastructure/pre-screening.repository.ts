import { camel, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DraftCommentRecord, DraftShareRecord } from '../domain/records';

/** The one repository of `draft_share` and `draft_comment`. */
@Injectable()
export class PreScreeningRepository {
  /** Shares the draft with the region, or returns the share it already has (sharing twice is no error). */
  async share(manager: EntityManager, s: Omit<DraftShareRecord, 'id'>): Promise<{ share: DraftShareRecord; created: boolean }> {
    const [row] = await manager.query(
      `INSERT INTO draft_share (application_id, region, message, shared_by, shared_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id, region) DO NOTHING RETURNING *`,
      [s.applicationId, s.region, s.message, s.sharedBy, s.sharedAt],
    );
    if (row) return { share: camel(row), created: true };
    const [existing] = await manager.query(`SELECT * FROM draft_share WHERE application_id = $1 AND region = $2`, [s.applicationId, s.region]);
    return { share: camel(existing), created: false };
  }

  async isShared(manager: EntityManager, applicationId: string, region: string): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM draft_share WHERE application_id = $1 AND region = $2`, [applicationId, region]);
    return !!row;
  }

  async sharesOf(manager: EntityManager, applicationId: string, region?: string): Promise<DraftShareRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM draft_share WHERE application_id = $1 ${region ? 'AND region = $2' : ''} ORDER BY shared_at, id`, region ? [applicationId, region] : [applicationId]));
  }

  /** The drafts shared with a region, newest first. */
  async sharedWith(manager: EntityManager, region: string, limit: number): Promise<DraftShareRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM draft_share WHERE region = $1 ORDER BY shared_at DESC, id LIMIT $2`, [region, limit]));
  }

  async addComment(manager: EntityManager, c: Omit<DraftCommentRecord, 'id'>): Promise<DraftCommentRecord> {
    const [row] = await manager.query(`INSERT INTO draft_comment (application_id, region, author_sub, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [
      c.applicationId,
      c.region,
      c.authorSub,
      c.text,
      c.createdAt,
    ]);
    return camel(row);
  }

  async comments(manager: EntityManager, applicationId: string, region?: string): Promise<DraftCommentRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM draft_comment WHERE application_id = $1 ${region ? 'AND region = $2' : ''} ORDER BY created_at, id`, region ? [applicationId, region] : [applicationId]));
  }

  /**
   * Retention: the drafts shared with a region's data-support centre and its comments on them go
   * with the case's data. They are advice to the applicant before there was a case, not part of the
   * authority's case file, so they are not handed over for archiving. Answers how many rows went.
   */
  async eraseForRetention(manager: EntityManager, applicationId: string): Promise<number> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
    const [, comments] = await manager.query(`DELETE FROM draft_comment WHERE application_id = $1`, [applicationId]);
    const [, shares] = await manager.query(`DELETE FROM draft_share WHERE application_id = $1`, [applicationId]);
    return (comments as number) + (shares as number);
  }
}
