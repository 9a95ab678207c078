import { notFound } from '@kp/http';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canSeeCase } from '../access/case-access';
import { CaseRecord } from '../domain/records';
import { CaseRepository } from '../infrastructure/case.repository';
import { CaseClockService } from '../views/case-clock.service';
import { caseView, CaseView } from '../views/case.view';

/**
 * Reads one case. Access is checked on the object first; a read by anyone but the applicant is
 * itself logged (who viewed which case when), as the regions' MinLog does for patient records.
 */
@Injectable()
export class GetCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly clocks: CaseClockService,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, idOrNumber: string): Promise<CaseView> {
    return this.db.transaction(async (manager) => {
      const c = await this.cases.find(manager, idOrNumber);
      if (!c) throw notFound('case', idOrNumber);
      const view = await this.load(manager, actor, c);
      if (actor.role !== 'researcher') {
        await this.audit.append(manager, { actor, action: 'case.viewed', subject: { type: 'case', id: c.number }, payload: { caseId: c.id } });
      }
      return view;
    });
  }

  /** The case as `actor` may see it, or 404 when they may not see it at all. */
  async load(manager: EntityManager, actor: Actor, c: CaseRecord): Promise<CaseView> {
    // One connection per transaction: queries run one after another.
    const subCases = await this.cases.subCases(manager, c.id);
    const consultations = await this.cases.consultations(manager, c.id);
    if (!canSeeCase(actor, c, subCases, consultations)) throw notFound('case', c.number);
    const screenings = await this.cases.latestScreenings(manager, c.id);
    const legalMatters = await this.cases.legalMatters(manager, c.id);
    const clock = await this.clocks.forCase(manager, c, subCases);
    return caseView(actor, { c, subCases, screenings, consultations, legalMatters, clock });
  }
}
