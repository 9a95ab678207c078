import { CaseFacts } from '@kp/cases';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { isApproving } from '../domain/outcome';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';

/**
 * Tells the case kernel which drafts wait for a legal approver (four eyes) and which permits are
 * active, so a case can say who must act next and offer "issue", "return" or "revoke" with the id.
 */
@Injectable()
export class DecisionFacts implements OnModuleInit {
  constructor(
    private readonly facts: CaseFacts,
    private readonly decisions: DecisionRepository,
    private readonly hearings: PartyHearingRepository,
  ) {}

  onModuleInit(): void {
    this.facts.provide('pendingDrafts', async (manager, caseIds) =>
      (await this.decisions.pendingDraftsOfCases(manager, caseIds)).map((d) => ({
        id: d.id,
        caseId: d.caseId,
        subCaseId: d.subCaseId,
        outcome: d.outcome,
        approving: isApproving(d.outcome),
        draftedBy: d.draftedBy,
        draftedAt: new Date(d.draftedAt),
      })),
    );
    this.facts.provide('activePermits', async (manager, caseIds) =>
      (await this.decisions.activePermitsOfCases(manager, caseIds)).map((p) => ({ id: p.id, caseId: p.caseId, number: p.number })),
    );
    // A hearing before a refusal waits on the applicant until answered (forvaltningsloven § 19).
    this.facts.provide('openHearings', async (manager, caseIds) =>
      (await this.hearings.openOfCases(manager, caseIds)).map((h) => ({ id: h.id, caseId: h.caseId, subCaseId: h.subCaseId, answerDueAt: new Date(h.answerDueAt!) })),
    );
  }
}
