import { CaseRecord, CaseRepository } from '@kp/applications';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';

/**
 * A case waits in `consultation` only while an open consultation is still within its deadline; when
 * the last one is answered or lapses, it goes back to `in_review` (a consultation informs, it never
 * blocks the case past its deadline).
 */
@Injectable()
export class ConsultationWait {
  constructor(
    private readonly cases: CaseRepository,
    private readonly caseWork: CaseWorkRepository,
  ) {}

  async settle(manager: EntityManager, c: CaseRecord, now = new Date()): Promise<CaseRecord> {
    if (c.state !== 'consultation') return c;
    if ((await this.caseWork.pendingConsultations(manager, c.id, now)) > 0) return c;
    return this.cases.setState(manager, c.id, 'in_review');
  }
}
