import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorityInForce } from '../data-sources/authority-in-force';
import { contentProblems } from '../domain/application-content';
import { replayOf, requestHash } from '../domain/idempotent-request';
import { forbidden, invalidContent } from '../domain/problems';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { IdempotencyRepository } from '../infrastructure/idempotency.repository';
import { applicationView, ApplicationView } from '../views/application.view';
import { CreateDraftCommand } from './create-draft.command';

@Injectable()
export class CreateDraft {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly sources: AuthorityInForce,
    private readonly audit: AuditLog,
  ) {}

  /** With an Idempotency-Key, a repeated create (a retry after a lost response) returns the first draft; the key with another body is refused. */
  async execute(actor: Actor, { content, idempotencyKey, kind = 'application' }: CreateDraftCommand): Promise<ApplicationView & { replayed?: boolean }> {
    if (actor.role !== 'researcher') throw forbidden('Only a researcher can draft an application.');
    const problems = contentProblems(content, (id) => !!this.sources.dataSource(id));
    if (problems.length) throw invalidContent(problems);
    // A statistics request's key is its own: the same key on the other route is another operation.
    const operation = kind === 'statistics' ? 'create-statistics-request' : 'create-draft';
    return this.db.transaction(async (manager) => {
      if (idempotencyKey) {
        // Serialise concurrent retries of one key for this person.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${operation}:${actor.sub}:${idempotencyKey}`]);
        const earlier = replayOf(await this.idempotency.find(manager, actor.sub, operation, idempotencyKey), requestHash(content));
        const existing = earlier ? await this.applications.find(manager, earlier) : undefined;
        if (existing) return { ...applicationView(existing), replayed: true };
      }
      const draft = await this.applications.insert(manager, actor.sub, actor.organisation ?? null, content, kind === 'statistics' ? { kind } : undefined);
      if (idempotencyKey) await this.idempotency.remember(manager, actor.sub, operation, idempotencyKey, draft.id, requestHash(content));
      await this.audit.append(manager, {
        actor,
        action: 'application.drafted',
        subject: { type: 'application', id: draft.id },
        payload: { title: content.title ?? null, kind },
      });
      return applicationView(draft);
    });
  }
}
