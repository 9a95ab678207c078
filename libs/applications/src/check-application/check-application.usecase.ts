import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { Actor } from '@kp/auth';
import { CaseFileRepository, isCommandAllowed, SubCaseRepository } from '@kp/cases';
import { ApplicationInput, FeeEstimate, feeEstimate, Finding, Requirement, Verdict } from '@kp/rules';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldProblem } from '../domain/application-content';
import { ApplicationRecord } from '../domain/records';
import { amendedSince, submissionProblems } from '../domain/submission-check';
import { ApplicationAccess } from '../get-application/load-own-application';
import { ApplicationCommand } from '../get-application/application.command';

export const SENDING_COMMANDS = ['submit', 'resubmit'] as const;
export type SendingCommand = (typeof SENDING_COMMANDS)[number];

export interface CheckReport {
  complete: boolean;
  missing: FieldProblem[];
  /** Present but wrong, the CVR of the organisation you sign in for and (on a resubmission) the data sources of the case included. */
  invalid: FieldProblem[];
  dataRequests: { dataSourceId: string; verdict: Verdict | null; findings: Finding[]; requirements: Requirement[]; ruleSets: { id: string; version: string; sha256: string }[] }[];
  /** The command that sends the application now (`resubmit` while the case waits for a supplement); null when none may. */
  nextCommand: SendingCommand | null;
  /** Whether that command would accept it now: the same checks it applies. */
  readyToSubmit: boolean;
  /** On a resubmission of an application not amended since the request for supplement: it must answer each question (`answers`). */
  answersRequired: boolean;
  /** A data request has a blocking finding or a rule set that denies: accepted for handling, but likely refused as it stands. */
  refusalLikely: boolean;
  /** What the holders would charge for what is asked, one line per holder, under today's price rules (EHDS art. 62 from 26 March 2029); the permit states the final amount. */
  fees: FeeEstimate;
}

/**
 * The instant preview (DESIGN.md §8, Findata's lesson): the checks submit applies (submissionProblems),
 * and each data request's findings under the rules in force, without submitting, so applications
 * arrive complete.
 */
@Injectable()
export class CheckApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ApplicationAccess,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
    private readonly registry: RuleSetRegistry,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { applicationId: id }: ApplicationCommand): Promise<CheckReport> {
    const application = await this.access.own(this.db.manager, actor, id);
    const content = application.content;
    const { nextCommand, caseDataSources, answersRequired } = await this.sending(this.db.manager, application);
    const problems = submissionProblems(content, { actor, isKnownSource: (sourceId) => !!this.registry.dataSource(sourceId), caseDataSources, change: application });
    const invalid = [...problems.invalid, ...problems.changedSources];
    // The preview applies today's law, as a screening of the submitted application would.
    const lawDate = copenhagenDateOf(this.clock.now()).toString();
    const dataRequests = await Promise.all(
      (content.dataRequests ?? []).map(async (request, index) => {
        if (!this.registry.dataSource(request.dataSourceId)) {
          return { dataSourceId: request.dataSourceId, verdict: null, findings: [], requirements: [], ruleSets: [] };
        }
        const result = await this.registry.screen(content as ApplicationInput, index, lawDate);
        return { dataSourceId: request.dataSourceId, verdict: result.verdict, findings: result.findings, requirements: result.requirements, ruleSets: result.ruleSets };
      }),
    );
    const refusalLikely = dataRequests.some((r) => r.verdict === 'deny' || r.findings.some((f) => f.severity === 'blocking'));
    const readyToSubmit = nextCommand !== null && problems.missing.length === 0 && invalid.length === 0;
    const fees = feeEstimate(content, (sourceId) => this.registry.dataSource(sourceId), lawDate);
    return { complete: problems.missing.length === 0, missing: problems.missing, invalid, dataRequests, nextCommand, readyToSubmit, answersRequired, refusalLikely, fees };
  }

  /** Which command would send the application in its state (the lifecycle table decides), and the case's sources on a resubmission. */
  private async sending(manager: EntityManager, application: ApplicationRecord): Promise<{ nextCommand: SendingCommand | null; caseDataSources?: string[]; answersRequired: boolean }> {
    if (!application.caseId) return { nextCommand: application.status === 'draft' && isCommandAllowed('draft', 'researcher', 'submit') ? 'submit' : null, answersRequired: false };
    const c = await this.cases.find(manager, application.caseId);
    if (!c || !isCommandAllowed(c.state, 'researcher', 'resubmit')) return { nextCommand: null, answersRequired: false };
    const caseDataSources = (await this.subCases.forCase(manager, c.id)).map((s) => s.dataSourceId);
    return { nextCommand: 'resubmit', caseDataSources, answersRequired: !amendedSince(c.content, application.content) };
  }
}
