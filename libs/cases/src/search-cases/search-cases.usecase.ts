import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { LocalDate, startOfCopenhagenDay } from '@kp/clock';
import { FieldError, ForbiddenError, ValidationFailedError } from '@kp/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseFileRepository, CaseSearchCriteria } from '../infrastructure/case-file.repository';
import { prefixQuery } from './case-search-sql';
import { SearchCasesCommand } from './search-cases.command';

/** Contact-point staff and supervision see every case (case-access.ts), so only they search them all. */
const SEARCHERS = ['caseworker', 'legal_approver', 'auditor'];

export interface CaseSearchItem {
  id: string;
  number: string;
  title: string | null;
  applicantName: string | null;
  applicantOrgName: string | null;
  cvr: string | null;
  state: string;
  assignee: string | null;
  receivedAt: string;
  dataSources: { id: string; name: string }[];
}

/**
 * Staff find cases by number, applicant, CVR, data source, state and the days they were received,
 * and by words of the title or purpose (PostgreSQL full text, index-backed). A search reveals who
 * applied for which health data, so it is staff-only and audited with its criteria, like a read.
 */
@Injectable()
export class SearchCases {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, command: SearchCasesCommand): Promise<{ items: CaseSearchItem[]; nextCursor: string | null }> {
    if (!SEARCHERS.includes(actor.role)) throw new ForbiddenError('Only contact-point staff and auditors search cases.');
    const after = decodeKeysetCursor(command.cursor);
    const criteria = this.criteria(command);
    const rows = await this.cases.search(this.db.manager, criteria, command.limit + 1, after);
    const page = rows.slice(0, command.limit);
    const last = page.at(-1);
    await this.db.transaction((m) =>
      this.audit.append(m, { actor, action: 'cases.searched', subject: { type: 'search', id: 'cases' }, payload: { criteria: this.logged(command), found: page.length } }),
    );
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        applicantName: r.applicantName,
        applicantOrgName: r.applicantOrgName,
        cvr: r.applicantOrg,
        state: r.state,
        assignee: r.assigneeSub,
        receivedAt: new Date(r.receivedAt).toISOString(),
        dataSources: r.dataSources,
      })),
      nextCursor: rows.length > command.limit && last ? encodeKeysetCursor({ key: last.position, id: last.id }) : null,
    };
  }

  private criteria(command: SearchCasesCommand): CaseSearchCriteria {
    const errors: FieldError[] = [];
    const day = (field: 'receivedFrom' | 'receivedTo'): LocalDate | undefined => {
      const text = command[field];
      if (!text) return undefined;
      try {
        return LocalDate.parse(text);
      } catch {
        errors.push({ field, rule: 'calendar-date', messages: [`${field} must be a calendar date YYYY-MM-DD`] });
        return undefined;
      }
    };
    const from = day('receivedFrom');
    const to = day('receivedTo');
    if (from && to && to.epochDay < from.epochDay) errors.push({ field: 'receivedTo', rule: 'not-before', args: { other: 'receivedFrom' }, messages: ['receivedTo must not be before receivedFrom'] });
    if (errors.length) throw new ValidationFailedError(`The search has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`, errors);
    return {
      number: command.number,
      textQuery: command.q ? prefixQuery(command.q) : undefined,
      applicantQuery: command.applicant ? prefixQuery(command.applicant) : undefined,
      cvr: command.cvr,
      dataSourceId: command.dataSource,
      state: command.state,
      receivedFrom: from ? startOfCopenhagenDay(from) : undefined,
      receivedBefore: to ? startOfCopenhagenDay(to.plusDays(1)) : undefined,
    };
  }

  private logged(command: SearchCasesCommand): Record<string, string> {
    const { q, number, applicant, cvr, dataSource, state, receivedFrom, receivedTo } = command;
    return Object.fromEntries(Object.entries({ q, number, applicant, cvr, dataSource, state, receivedFrom, receivedTo }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  }
}
