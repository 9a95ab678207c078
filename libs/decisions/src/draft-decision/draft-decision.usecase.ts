import { BusinessClock } from '@kp/clock';
import { Actor } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionDraftRecord } from '../domain/decision-records';
import { EngineView } from '../domain/engine-view';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { isApproving } from '../domain/outcome';
import { DraftDecisionCommand } from './draft-decision.command';

/**
 * A caseworker drafts the decision on a central sub-case; a legal approver who did not draft it
 * issues it (four eyes). On a decided sub-case the draft is a correction that will supersede the
 * decision in force — issued decisions are never edited.
 */
@Injectable()
export class DraftDecision {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly decisions: DecisionRepository,
    private readonly hearings: PartyHearingRepository,
    private readonly engineView: EngineView,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: DraftDecisionCommand): Promise<DecisionDraftRecord> {
    const { caseId, subCaseId, expectedVersion } = command;
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.context.transition(manager, actor, { caseId, subCaseId, command: 'draft_decision', expectedVersion, at }, async ({ c, subCase }) => {
        if (subCase.track !== 'central') {
          throw new DomainError('wrong-track', `${subCase.dataSourceName} is on the collaborative track: the contact point recommends and ${subCase.controllerName} decides.`);
        }
        const correcting = subCase.state === 'decided';
        if (!correcting && subCase.state !== 'in_review') {
          throw new DomainError('sub-case-not-ready', `The ${subCase.dataSourceName} part is ${subCase.state.replace(/_/g, ' ')}; a decision can be drafted when it is in review.`);
        }
        if (await this.decisions.pendingDraft(manager, subCase.id)) {
          throw new DomainError('draft-pending', 'A draft decision for this part already waits for approval; return it before drafting another.');
        }
        const supersedes = correcting ? await this.decisions.currentDecision(manager, subCase.id) : undefined;
        const engine = await this.engineView.compare(manager, subCase.id, command.outcome, at, command.departureReason);
        // After the engine's check, so a missing departure reason is named first.
        if (!isApproving(command.outcome)) await this.assertHeard(manager, c.id, subCase.id, actor.sub, at, command.hearingDispensedReason?.trim());
        const draft = await this.decisions.insertDraft(manager, {
          caseId: c.id,
          subCaseId: subCase.id,
          outcome: command.outcome,
          legalBasis: command.legalBasis,
          reasoning: command.reasoning,
          conditions: command.conditions,
          ...engine,
          supersedesId: supersedes?.id ?? null,
          draftedBy: actor.sub,
          draftedAt: at,
        });
        // Four eyes: any legal approver but the drafter may issue it, so all of them are told.
        await this.notifier.notify(manager, {
          to: { role: 'legal_approver' },
          kind: 'draft_awaiting_approval',
          caseId: c.id,
          caseNumber: c.number,
          title: { da: `Udkast til afgørelse afventer godkendelse i sag ${c.number}`, en: `Draft decision awaiting approval in case ${c.number}` },
          body: {
            da: `${correcting ? 'Et udkast til en ændret afgørelse' : 'Et udkast til afgørelse'} om ${subCase.dataSourceName} (udkast ${draft.id}) venter på en juridisk godkender, der ikke selv har skrevet det.`,
            en: `${correcting ? 'A draft correcting the decision' : 'A draft decision'} on ${subCase.dataSourceName} (draft ${draft.id}) waits for a legal approver who did not write it.`,
          },
        });
        // A correcting draft leaves the decided part decided (the state-effects table moves only a part in review).
        return {
          result: draft,
          audit: {
            action: 'decision.drafted',
            payload: {
              draftId: draft.id,
              subCaseId: subCase.id,
              outcome: draft.outcome,
              departsFromEngine: draft.departsFromEngine,
              supersedes: draft.supersedesId,
              ...(command.hearingDispensedReason?.trim() && !isApproving(command.outcome) ? { hearingDispensedReason: command.hearingDispensedReason.trim() } : {}),
            },
          },
        };
      });
      return done.result;
    });
  }

  /**
   * Partshøring (forvaltningsloven § 19): a refusal of the part follows a hearing the applicant has
   * answered or let lapse, or records why none was needed (§ 19, stk. 2). Which facts the applicant
   * already knows is the caseworker's judgement, so the law's exceptions are a recorded reason,
   * not a rule the system guesses.
   */
  private async assertHeard(manager: EntityManager, caseId: string, subCaseId: string, by: string, at: Date, dispensedReason: string | undefined): Promise<void> {
    const held = (await this.hearings.forSubCase(manager, subCaseId)).filter((h) => h.kind === 'held');
    const open = held.find((h) => h.answeredAt === null && new Date(h.answerDueAt!) > at);
    if (open) throw new DomainError('hearing-open', `The applicant has until ${new Date(open.answerDueAt!).toISOString()} to answer the hearing on this part; draft the refusal after the answer or the deadline.`, { hearingId: open.id });
    if (held.length > 0) return;
    if (!dispensedReason) {
      throw new DomainError('hearing-required', 'A refusal must follow a hearing of the applicant on its grounds, or state in hearingDispensedReason why none is needed (forvaltningsloven § 19, stk. 2).', {
        errors: [{ field: 'hearingDispensedReason', messages: ['hear the applicant first, or give the reason no hearing is needed'] }],
      });
    }
    await this.hearings.insert(manager, { caseId, subCaseId, kind: 'dispensed', draftGrounds: null, answerDueAt: null, dispensedReason, sentBy: by, sentAt: at });
  }
}
