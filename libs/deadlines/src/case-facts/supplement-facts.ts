import { CaseFacts } from '@kp/cases';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { SupplementRequestRepository } from '../infrastructure/supplement-request.repository';

/** Tells the case kernel which requests for supplement the applicant has yet to answer, and by when (EHDS art. 68(4)). */
@Injectable()
export class SupplementFacts implements OnModuleInit {
  constructor(
    private readonly facts: CaseFacts,
    private readonly requests: SupplementRequestRepository,
  ) {}

  onModuleInit(): void {
    this.facts.provide('openSupplementRequests', async (manager, caseIds) =>
      (await this.requests.openOfCases(manager, caseIds)).map((r) => ({
        id: r.id,
        caseId: r.caseId,
        subCaseId: r.subCaseId,
        questions: r.questions,
        requestedAt: r.requestedAt,
        answerDueAt: r.answerDueAt,
      })),
    );
  }
}
