import { assertCommandAllowed, canSeeCase, SubCaseRepository, ConsultationRepository } from '@kp/cases';
import { notFound } from '@kp/errors';
import { CaseFileRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { supplementRequestView, SupplementRequestView } from '../domain/supplement-request';
import { SupplementRequestRepository } from '../infrastructure/supplement-request.repository';
import { ListSupplementRequestsCommand } from './list-supplement-requests.command';

/** Who reads requests for supplement: the applicant of the case, contact-point staff and supervision. */
const READERS = new Set(['researcher', 'caseworker', 'legal_approver', 'auditor']);

/** The requests for supplement of a case, oldest first; the applicant sees what they must answer. */
@Injectable()
export class ListSupplementRequests {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly subCaseRepository: SubCaseRepository,
    private readonly requests: SupplementRequestRepository,
  ) {}

  async execute(actor: Actor, { caseId: caseIdOrNumber, state }: ListSupplementRequestsCommand): Promise<{ items: SupplementRequestView[] }> {
    const manager = this.db.manager;
    const c = await this.cases.find(manager, caseIdOrNumber);
    if (!c || !READERS.has(actor.role)) throw notFound('case', caseIdOrNumber);
    if (!canSeeCase(actor, c, await this.subCaseRepository.forCase(manager, c.id), await this.consultationRepository.forCase(manager, c.id))) throw notFound('case', caseIdOrNumber);
    assertCommandAllowed(c.state, actor.role, 'read_case');
    return { items: (await this.requests.forCase(manager, c.id, state)).map(supplementRequestView) };
  }
}
