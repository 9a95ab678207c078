import { ScreeningRepository } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { ApplicationInput, replayScreening, RuleSetVersionStore } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { GetDecision } from '../read-decisions/get-decision.usecase';
import { GetDecisionCommand } from '../read-decisions/get-decision.command';
import { ExplainDecisionCommand } from './explain-decision.command';

/**
 * Explains a decision years later (forvaltningsloven §§ 22–24; DESIGN.md §7): the facts the rules
 * saw, the rule-set versions and hashes, the findings with their legal references, who decided and
 * why, any departure from the engine — and a replay of the screening with the stored rule-set
 * versions, which must give the same verdict and findings.
 */
@Injectable()
export class ExplainDecision {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: DecisionRepository,
    private readonly getDecision: GetDecision,
    private readonly store: RuleSetVersionStore,
    private readonly audit: AuditLog,
    private readonly screenings: ScreeningRepository,
  ) {}

  async execute(actor: Actor, { decisionId }: ExplainDecisionCommand) {
    const decision = await this.getDecision.execute(actor, GetDecisionCommand.create({ decisionId }));
    const d = (await this.decisions.findDecision(this.db.manager, decisionId))!;
    const screening = d.screeningId ? await this.screenings.find(this.db.manager, d.screeningId) : undefined;
    if (!screening) throw new DomainError('no-screening', 'This decision was made without a screening to explain.');
    // Retention strips the application a screening judged (ScreeningRepository.eraseForRetention): nothing left to replay.
    if (Object.keys(screening.application ?? {}).length === 0) {
      throw new DomainError(
        'screening-erased',
        'The application this decision’s screening judged was erased when the case’s retention period ended. The decision’s audit event keeps the facts, rule-set versions and findings; the archive hand-over keeps the application.',
      );
    }
    const versions = await this.store.versionsFor(screening.ruleSets);
    // The replay applies the law of the screening's own date, not today's.
    const replay = await replayScreening(screening.application as ApplicationInput, screening.dataRequestIndex, versions, screening.lawDate);
    const storedCodes = (screening.findings as { code: string }[]).map((f) => f.code).sort();
    const replayCodes = replay.findings.map((f) => f.code).sort();
    const explanation = {
      decision,
      facts: screening.facts,
      ruleSets: screening.ruleSets,
      findings: screening.findings,
      requirements: screening.requirements,
      engineVerdict: screening.verdict,
      lawDate: screening.lawDate,
      screenedAt: new Date(screening.createdAt).toISOString(),
      replay: {
        verdict: replay.verdict,
        findingCodes: replayCodes,
        ruleSets: replay.ruleSets,
        reproducesVerdict: replay.verdict === screening.verdict,
        reproducesFindings: JSON.stringify(replayCodes) === JSON.stringify(storedCodes),
      },
    };
    if (actor.role !== 'researcher') {
      await this.db.transaction((manager) =>
        this.audit.append(manager, { actor, action: 'decision.explained', subject: { type: 'decision', id: d.id }, payload: { caseId: d.caseId, reproduces: explanation.replay.reproducesVerdict } }),
      );
    }
    return explanation;
  }
}
