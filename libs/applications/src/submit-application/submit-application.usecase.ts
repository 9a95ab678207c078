import { textDigest } from '@kp/audit';
import { BusinessClock } from '@kp/clock';
import { assertCommandAllowed, CaseRecord, CaseTransitions, NewSubCase, Opened } from '@kp/cases';
import { Actor } from '@kp/auth';
import { ClosedBy, ClosingStatement, runClosingWithin, transactionClosedBy } from '@kp/persistence';
import { JobQueue } from '@kp/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthorityInForce } from '../data-sources/authority-in-force';
import { replayOf, requestHash } from '../domain/idempotent-request';
import { assertSubmittable } from '../domain/problems';
import { submissionProblems } from '../domain/submission-check';
import { ApplicationRecord } from '../domain/records';
import { permitChange } from '../domain/permit-change';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { IdempotencyRepository } from '../infrastructure/idempotency.repository';
import { ApplicationAccess } from '../get-application/load-own-application';
import { SCREEN_JOB } from '../screen-case/screen-case.handler';
import { SubmitApplicationCommand } from './submit-application.command';
import { GetCase } from '../get-case/get-case.usecase';
import { CaseView } from '../views/case.view';

export interface SubmitResult {
  caseId: string;
  /** True when this was a repeat of an earlier submit with the same Idempotency-Key. */
  replayed: boolean;
  /** The case as the applicant sees it, from what this submit wrote (absent on a replay: read it). */
  view?: CaseView;
}

/**
 * Submits an application in one transaction: case number, one sub-case per data request with the
 * track and deciding authority in force now (a snapshot: later authority changes do not touch it),
 * the clock, the audit event and the outbox job that screens it. The same Idempotency-Key returns
 * the same case, never a second one.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccess,
    private readonly transitions: CaseTransitions,
    private readonly idempotency: IdempotencyRepository,
    private readonly authority: AuthorityInForce,
    private readonly jobs: JobQueue,
    private readonly clock: BusinessClock,
    private readonly getCase: GetCase,
  ) {}

  async execute(actor: Actor, { applicationId, idempotencyKey }: SubmitApplicationCommand): Promise<SubmitResult> {
    // The case number and the audit event are the transaction's closing statement, sent with its
    // COMMIT: the locks every submit shares are held only while PostgreSQL runs that message.
    return transactionClosedBy(this.db, async (manager): Promise<ClosedBy<SubmitResult, Opened>> => {
      // The row lock serialises concurrent submits of one application, so a repeated key finds the first case.
      const application = await this.access.own(manager, actor, applicationId, true);
      const operation = `submit:${applicationId}`;
      if (idempotencyKey) {
        // Submit has no body: the operation names the application, so the request is the same whenever the operation is.
        const earlier = replayOf(await this.idempotency.find(manager, actor.sub, operation, idempotencyKey), requestHash(null));
        if (earlier) return { answer: () => ({ caseId: earlier, replayed: true }) };
      }
      this.assertMaySubmit(actor, application);
      // The applicant organisation comes from the verified token; submissionProblems refused a form naming another.
      let view: CaseView | undefined;
      const closing = await this.openCase(manager, actor, application, actor.organisation ?? application.content.applicant?.organisation?.cvr ?? null, async (unnumbered) => {
        if (idempotencyKey) await this.idempotency.remember(manager, actor.sub, operation, idempotencyKey, unnumbered.case.id, requestHash(null));
        // The 202's view is built before the commit, from what this submit wrote; the number is added once taken.
        view = await this.getCase.ofOpened(manager, actor, unnumbered);
      });
      return { closing, answer: (opened) => ({ caseId: opened!.case.id, replayed: false, view: this.getCase.numbered(view!, opened!.case) }) };
    });
  }

  /** The same check `POST …/check` reports (submissionProblems), so a ready check is never refused here. */
  private assertMaySubmit(actor: Actor, application: ApplicationRecord): void {
    assertCommandAllowed(application.status === 'draft' ? 'draft' : 'submitted', 'researcher', 'submit');
    assertSubmittable(submissionProblems(application.content, { actor, isKnownSource: (id) => !!this.authority.dataSource(id), change: application }));
  }

  /**
   * Submits an application created in the caller's transaction (an extension is drafted and sent in
   * one step): the same checks and the same case opening as `execute`.
   */
  async submitWithin(manager: EntityManager, actor: Actor, application: ApplicationRecord): Promise<CaseRecord> {
    this.assertMaySubmit(actor, application);
    const closing = await this.openCase(manager, actor, application, actor.organisation ?? application.content.applicant?.organisation?.cvr ?? null, async () => undefined);
    return (await runClosingWithin(manager, closing)).case;
  }

  /**
   * One sub-case per data request of a new application. An amendment's are its changed parts only:
   * a new source under the authority in force now, a changed one (or every one, when the terms
   * changed) under the authority that granted it; an extension's are every part of the permit, each
   * for the authority that granted it (issue 15).
   */
  private async subCasesFor(manager: EntityManager, application: ApplicationRecord, now: Date): Promise<NewSubCase[]> {
    const content = application.content;
    const amends = application.amends;
    const change = amends && application.kind === 'amendment' ? permitChange(amends.baseContent, content) : undefined;
    const subCases: NewSubCase[] = [];
    const requests = content.dataRequests ?? [];
    // The authorities in force for the new sources, asked in one statement rather than one a source.
    const fresh = requests.filter((r) => !amends?.parts.some((p) => p.dataSourceId === r.dataSourceId)).map((r) => this.authority.dataSource(r.dataSourceId)!);
    const inForceNow = await this.authority.ofMany(manager, fresh, now);
    for (const [position, request] of requests.entries()) {
      const granted = amends?.parts.find((p) => p.dataSourceId === request.dataSourceId);
      if (amends && granted) {
        const concerned = application.kind === 'extension' || !!change?.terms.length || !!change?.changed.includes(request.dataSourceId);
        if (concerned) subCases.push({ position, ...granted });
        continue;
      }
      const source = this.authority.dataSource(request.dataSourceId)!;
      const inForce = inForceNow.get(source.id)!;
      subCases.push({
        position,
        dataSourceId: source.id,
        dataSourceName: source.name,
        track: inForce.track,
        decidingAuthority: inForce.decidingAuthority,
        authorityAssignmentId: inForce.id,
        controllerOrg: source.controller.cvr ?? null,
        controllerName: source.controller.name,
        advisorRegion: source.advisorRegion ?? null,
      });
    }
    return subCases;
  }

  private async openCase(
    manager: EntityManager,
    actor: Actor,
    application: ApplicationRecord,
    applicantOrg: string | null,
    alsoWrite: (opened: Opened) => Promise<void>,
  ): Promise<ClosingStatement<Opened>> {
    const now = this.clock.now();
    const content = application.content;
    const subCases = await this.subCasesFor(manager, application, now);
    return this.transitions.openClosing(
      manager,
      actor,
      { kind: application.kind, amends: application.amends, applicationId: application.id, applicantSub: actor.sub, applicantOrg, applicantOrgName: content.applicant?.organisation?.name ?? null, content, subCases },
      now,
      {
        action: application.kind === 'application' ? 'application.submitted' : `permit.${application.kind}_submitted`,
        payload: ({ case: c, subCases: created }) => ({
          caseId: c.id,
          kind: application.kind,
          ...(application.amends ? { amends: { permitId: application.amends.permitId, permitNumber: application.amends.permitNumber, permitVersion: application.amends.permitVersion, caseNumber: application.amends.caseNumber, reasonSha256: textDigest(application.amends.reason) } } : {}),
          applicationId: application.id,
          applicationVersion: application.version,
          subCases: created.map((s) => ({ id: s.id, dataSourceId: s.dataSourceId, track: s.track, decidingAuthority: s.decidingAuthority, authorityAssignmentId: s.authorityAssignmentId })),
        }),
      },
      // Before the case number and the audit event, which every submit takes in turn (CaseTransitions.open).
      async (unnumbered) => {
        await this.applications.markSubmitted(manager, application.id, unnumbered.case.id, now);
        await this.jobs.enqueue(manager, { name: SCREEN_JOB, payload: { caseId: unnumbered.case.id, reason: 'submitted' } });
        await alsoWrite(unnumbered);
      },
    );
  }
}
