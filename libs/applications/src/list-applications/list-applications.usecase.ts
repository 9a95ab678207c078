import { Actor } from '@kp/auth';
import { DomainProblem } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { CaseRepository } from '../infrastructure/case.repository';
import { applicationView, ApplicationView } from '../views/application.view';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Position {
  createdAt: string;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof createdAt === 'string' && typeof id === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(createdAt) && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    /* fall through to the problem below */
  }
  throw new DomainProblem(400, 'bad-cursor', 'cursor is not one this API gave out; start again without it.');
}

/** The researcher's own applications, newest first, with stable cursor pagination. */
@Injectable()
export class ListApplications {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly cases: CaseRepository,
  ) {}

  async execute(actor: Actor, limit: number, cursor?: string): Promise<Page<ApplicationView>> {
    if (actor.role !== 'researcher') return { items: [], nextCursor: null };
    const rows = await this.applications.listOwn(this.db.manager, actor.sub, limit + 1, decodeCursor(cursor));
    const page = rows.slice(0, limit);
    const items = await Promise.all(
      page.map(async ({ position: _, ...a }) => applicationView(a, a.caseId ? await this.cases.find(this.db.manager, a.caseId) : undefined)),
    );
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null };
  }
}
