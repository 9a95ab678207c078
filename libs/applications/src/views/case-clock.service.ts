import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord, SubCaseRecord } from '../domain/records';
import { CaseRepository } from '../infrastructure/case.repository';

/** The statutory clock of a case (EHDS art. 68(4)), computed from its clock events. */
@Injectable()
export class CaseClockService {
  constructor(private readonly cases: CaseRepository) {}

  async forCase(manager: EntityManager, c: CaseRecord, _subCases: SubCaseRecord[]): Promise<unknown> {
    const events = await this.cases.clockEvents(manager, c.id);
    return { events: events.map((e) => ({ type: e.type, at: new Date(e.at).toISOString() })) };
  }
}
