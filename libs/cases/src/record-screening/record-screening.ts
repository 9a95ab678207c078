import type { Requirement, ScreeningResult } from '@kp/rules';
import { copenhagenDateOf, endOfCopenhagenDay } from '@kp/clock';
import { inOneMessage } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationContent, CaseRecord, SubCaseRecord } from '../domain/records';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { LegalMatterRepository } from '../infrastructure/legal-matter.repository';
import { ScreeningRepository } from '../infrastructure/screening.repository';
import { ruleQuestion } from './rule-question';

/** One sub-case's screening, as the rules gave it, to be stored. */
export interface ScreeningToRecord {
  c: CaseRecord;
  subCase: SubCaseRecord;
  reason: string;
  application: ApplicationContent;
  dataRequestIndex: number;
  result: ScreeningResult;
  at: Date;
}

/** Days an advisor gets to answer a consultation the rules require; it informs, it never blocks past this. */
export const RULE_CONSULTATION_DAYS = 14;

/**
 * A deadline of `days` from `at`: the end of that Copenhagen day, as the statutory clocks and the
 * applicant's 4 weeks run (a time limit counted in days runs to the end of its last day), so an
 * answer given at any hour of the last day is in time, and the sweep that lapses it finds it past
 * only the day after, whatever the hour it runs at.
 */
export function endOfDayAfter(at: Date, days: number): Date {
  return endOfCopenhagenDay(copenhagenDateOf(at).plusDays(days));
}

/**
 * Stores one sub-case's screening as a new row (an earlier screening is never overwritten, so any
 * past one can be replayed) and creates what its requirements ask for — consultations and legal
 * matters — once per sub-case however often the case is screened.
 */
@Injectable()
export class RecordScreening {
  constructor(
    private readonly screenings: ScreeningRepository,
    private readonly consultations: ConsultationRepository,
    private readonly legalMatters: LegalMatterRepository,
  ) {}

  async record(
    manager: EntityManager,
    input: ScreeningToRecord,
  ): Promise<string> {
    const [id] = await this.recordAll(manager, [input]);
    return id;
  }

  /**
   * `record` for several sub-cases of one case: the screenings and what their requirements ask
   * for go to PostgreSQL in one message, not one a row (issue 17). The ids in the order given.
   */
  async recordAll(manager: EntityManager, inputs: ScreeningToRecord[]): Promise<string[]> {
    return inOneMessage(manager, async (batched) => {
      const ids = inputs.map(({ c, subCase, result, ...input }) =>
        this.screenings.insert(batched, {
          subCaseId: subCase.id,
          caseId: c.id,
          reason: input.reason,
          verdict: result.verdict,
          findings: result.findings,
          requirements: result.requirements,
          ruleSets: result.ruleSets,
          trace: result.trace ?? null,
          facts: result.facts ?? {},
          application: input.application,
          dataRequestIndex: input.dataRequestIndex,
          lawDate: result.lawDate,
        }),
      );
      const fulfilled = inputs.flatMap(({ c, subCase, result, at }) => result.requirements.map((requirement) => this.fulfil(batched, c, subCase, requirement, at)));
      const [stored] = await Promise.all([Promise.all(ids), Promise.all(fulfilled)]);
      return stored;
    });
  }

  private async fulfil(manager: EntityManager, c: CaseRecord, subCase: SubCaseRecord, requirement: Requirement, at: Date): Promise<void> {
    const message = (requirement.message as { da: string; en: string } | undefined) ?? { da: requirement.code, en: requirement.code };
    if (requirement.kind === 'consultation') {
      await this.consultations.insertForRule(manager, {
        caseId: c.id,
        subCaseId: subCase.id,
        advisorRegion: consultationAddressee(requirement, subCase),
        topic: requirement.code,
        question: ruleQuestion(message),
        deadline: endOfDayAfter(at, RULE_CONSULTATION_DAYS),
        at,
      });
    } else if (requirement.kind === 'legal_matter') {
      await this.legalMatters.insertForRule(manager, {
        caseId: c.id,
        subCaseId: subCase.id,
        kind: String(requirement.matter ?? 'legal_matter'),
        code: requirement.code,
        description: message,
        legalReference: (requirement.legalReference as string) ?? null,
        blocking: requirement.blocking !== false,
        at,
      });
    }
    // `document` requirements are shown with the screening; the caseworker checks them in review.
  }
}

/** The region (or steering group) that answers: the rule may name it, otherwise the source's advisor. */
export function consultationAddressee(requirement: Requirement, subCase: SubCaseRecord): string {
  if (typeof requirement.advisorRegion === 'string' && requirement.advisorRegion) return requirement.advisorRegion;
  if (requirement.advisor === 'steering_group') return `${subCase.dataSourceId}-steering-group`;
  return subCase.advisorRegion ?? 'contact-point';
}
