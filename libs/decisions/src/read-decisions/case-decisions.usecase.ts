import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { ReconsiderationRepository } from '../infrastructure/reconsideration.repository';
import { reconsiderationView } from '../reconsideration/reconsideration.view';
import { BusinessClock } from '@kp/clock';
import { partyHearingView } from '../party-hearing/party-hearing.view';
import { CaseDecisionsCommand } from './case-decisions.command';
import { decisionView, draftView, permitView, recommendationView } from './decision.view';
import { DecisionVisibility } from './decision-visibility';

/**
 * Decisions, drafts, recommendations and permits of a case, as this actor may see them: the
 * applicant reads decisions and permits of their own case; a controller those of its own sources;
 * contact-point staff and auditors everything, including drafts and recommendations.
 */
@Injectable()
export class CaseDecisions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DecisionVisibility,
    private readonly decisions: DecisionRepository,
    private readonly audit: AuditLog,
    private readonly hearings: PartyHearingRepository,
    private readonly reconsiderations: ReconsiderationRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId }: CaseDecisionsCommand) {
    const manager = this.db.manager;
    const { c, visibleSubCaseIds } = await this.visibility.visibleCase(manager, actor, caseId);
    const staff = ['caseworker', 'legal_approver', 'auditor'].includes(actor.role);
    const mine = <T extends { subCaseId: string }>(rows: T[]) => rows.filter((r) => visibleSubCaseIds.has(r.subCaseId));
    const decisions = mine(await this.decisions.decisionsForCase(manager, c.id)).map((d) => decisionView(actor, d));
    const permits = actor.role === 'controller' ? [] : (await this.decisions.permitsForCase(manager, c.id)).map(permitView);
    if (actor.role !== 'researcher') {
      await this.db.transaction((m) => this.audit.append(m, { actor, action: 'case.decisions_viewed', subject: { type: 'case', id: c.number }, payload: { caseId: c.id } }));
    }
    return {
      caseId: c.id,
      caseNumber: c.number,
      decisions,
      permits,
      // Whether the applicant was heard before a refusal, with the answer, or why not (forvaltningsloven § 19).
      // Whether the holder was heard before a revocation, or why it could not wait (EHDS art. 63), beside the permits.
      hearings: (await this.hearings.forCase(manager, c.id))
        .filter((h) => (h.subCaseId !== null ? visibleSubCaseIds.has(h.subCaseId) : actor.role !== 'controller'))
        .map(partyHearingView),
      // Appeals against its decisions and requests to reopen it, with where each stands (forvaltningsloven § 25; genoptagelse).
      reconsiderations: mine(await this.reconsiderations.forCase(manager, c.id)).map((r) => reconsiderationView(r, this.clock.now())),
      drafts: staff ? (await this.decisions.draftsForCase(manager, c.id)).map(draftView) : undefined,
      recommendations: staff || actor.role === 'controller' ? mine(await this.decisions.recommendationsForCase(manager, c.id)).map(recommendationView) : undefined,
    };
  }
}
