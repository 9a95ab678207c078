import { CaseFacts } from '@kp/cases';
import { BusinessClock } from '@kp/clock';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { isApproving } from '../domain/outcome';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { awaitsController, isReconsiderationOverdue, ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { revocationHearingStatus } from '../revocation-hearing/revocation-hearing-status';

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
    private readonly clock: BusinessClock,
    private readonly reconsiderations: ReconsiderationRepository,
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
    this.facts.provide('activePermits', async (manager, caseIds) => {
      const permits = await this.decisions.activePermitsOfCases(manager, caseIds);
      const hearings = permits.length ? await this.hearings.revocationHearingsOfCases(manager, caseIds) : [];
      const now = this.clock.now();
      return permits.map((p) => ({ id: p.id, caseId: p.caseId, number: p.number, revocationHearing: revocationHearingStatus(hearings.filter((h) => h.permitId === p.id), now).status }));
    });
    // Appeals being reconsidered and requests to reopen (forvaltningsloven § 25; genoptagelse).
    this.facts.provide('openReconsiderations', async (manager, caseIds) => {
      const now = this.clock.now();
      return (await this.reconsiderations.openOfCases(manager, caseIds)).map((r) => ({
        id: r.id,
        caseId: r.caseId,
        subCaseId: r.subCaseId,
        kind: r.kind,
        state: r.state,
        reconsiderBy: new Date(r.reconsiderBy),
        awaitingController: awaitsController(r),
        overdue: isReconsiderationOverdue(r, now),
      }));
    });
    // A hearing before a refusal waits on the applicant until answered (forvaltningsloven § 19); one
    // before a revocation may be answered until its deadline (EHDS art. 63).
    this.facts.provide('openHearings', async (manager, caseIds) => {
      const now = this.clock.now();
      return (await this.hearings.openOfCases(manager, caseIds))
        .filter((h) => h.subject === 'refusal' || new Date(h.answerDueAt!) > now)
        .map((h) => ({ id: h.id, caseId: h.caseId, subCaseId: h.subCaseId, permitId: h.permitId, answerDueAt: new Date(h.answerDueAt!) }));
    });
  }
}
