import { writeAtClose } from '@kp/persistence';
import { ERASED_SUB } from '@kp/cases';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationContent } from '../domain/application-content';
import { ApplicationRecord, ApplicationStatus } from '../domain/records';
import { camel, isUuid, KeysetPosition, keysetKeySql } from '@kp/persistence';
import { upgradeApplication } from '@kp/rules';
import type { PermitChangeKind, PermitChangeRef } from '@kp/cases';

/**
 * An application as read. Drafts from before issue 10 were migrated; a submitted application's
 * content is not rewritten, so it is mapped to today's shape here (`upgradeApplication`).
 */
function toApplication<T extends ApplicationRecord = ApplicationRecord>(row: Record<string, unknown>): T {
  const a = camel<T>(row);
  return { ...a, content: upgradeApplication(a.content) };
}

@Injectable()
export class ApplicationRepository {
  async insert(manager: EntityManager, applicantSub: string, applicantOrg: string | null, content: ApplicationContent, change?: { kind: PermitChangeKind; amends: PermitChangeRef } | { kind: 'statistics'; amends?: undefined }): Promise<ApplicationRecord> {
    const [row] = await manager.query(`INSERT INTO application (applicant_sub, applicant_org, content, kind, amends) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [
      applicantSub,
      applicantOrg,
      JSON.stringify(content),
      change?.kind ?? 'application',
      change?.amends ? JSON.stringify(change.amends) : null,
    ]);
    return toApplication(row);
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ApplicationRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM application WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toApplication(row) : undefined;
  }

  /** Retention: the application form's content and who made it go; the row stays under its case. `at` is business time. */
  async eraseForRetention(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE application SET content = '{}', applicant_sub = $2, updated_at = $3 WHERE id = $1`, [id, ERASED_SUB, at]);
  }

  /** `change.at`: when, in business time (the draft's `updatedAt`). */
  async update(manager: EntityManager, id: string, change: { content?: ApplicationContent; status?: ApplicationStatus; caseId?: string; at: Date }): Promise<ApplicationRecord> {
    const [rows] = await manager.query(
      `UPDATE application SET content = COALESCE($2, content), status = COALESCE($3, status), case_id = COALESCE($4, case_id),
              version = version + 1, updated_at = $5
        WHERE id = $1 RETURNING *`,
      [id, change.content ? JSON.stringify(change.content) : null, change.status ?? null, change.caseId ?? null, change.at],
    );
    return toApplication(rows[0]);
  }

  /** An application submitted as the case `caseId`, sent with the submit's closing message (nothing waits for its answer). */
  async markSubmitted(manager: EntityManager, id: string, caseId: string, at: Date): Promise<void> {
    await writeAtClose(manager, `UPDATE application SET status = 'submitted', case_id = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [id, caseId, at]);
  }

  /** The applicant's own applications (and `alsoIds`: those whose team they joined), newest first, keyset-paginated on (created_at, id). */
  async listOwn(manager: EntityManager, applicantSub: string, limit: number, after?: KeysetPosition, alsoIds: string[] = []): Promise<(ApplicationRecord & { position: string })[]> {
    // `position` is created_at at full (microsecond) precision, so the cursor never skips a row.
    const rows = await manager.query(
      `SELECT *, ${keysetKeySql('created_at')} AS position FROM application
        WHERE (applicant_sub = $1 OR id = ANY($5::uuid[])) AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [applicantSub, after?.key ?? null, after?.id ?? null, limit, alsoIds],
    );
    return rows.map((row: Record<string, unknown>) => toApplication<ApplicationRecord & { position: string }>(row));
  }
}

