import { AuditEvent, AuditLog, NewAuditEvent } from '@kp/audit';
import { notFound } from '@kp/errors';
import { ClosingStatement, inOneMessage, runClosingWithin } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CaseState, Command, isCommandAllowed } from '../domain/lifecycle';
import { ApplicationContent, CaseRecord, SubCaseRecord } from '../domain/records';
import { ClockEvent, copenhagenDateOf } from '@kp/clock';
import { CaseGuard, deriveCaseState, stateEffect } from '../domain/state-effects';
import { CaseClock, CaseClockService } from '../clock/case-clock.service';
import { CaseFileRepository, NewCaseFile } from '../infrastructure/case-file.repository';
import { CaseOpeningRepository } from '../infrastructure/case-opening.repository';
import { ClockEventRepository } from '../infrastructure/clock-event.repository';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { NewSubCase, SubCaseRepository } from '../infrastructure/sub-case.repository';
import { CaseAtHand, WorkOnCase } from '../work-on-case/work-on-case';
import { CaseActor, SystemActor } from './case-actor';
import { CaseHooks } from './case-hooks';
import { WaitingLedger } from '../next-steps/waiting-ledger';

type AuditPayload = NewAuditEvent['payload'];

/** The case after the command, for an audit payload that names the state or the clock it led to. */
export interface AfterTransition {
  case: CaseRecord;
  fromState: CaseState;
  /** The statutory clock, when the command moved it. */
  clock?: CaseClock;
}

export interface TransitionRequest {
  /** The case's id or number. */
  caseId: string;
  command: Command;
  /** The case version the client acted on (If-Match); 412 when stale. */
  expectedVersion?: number;
  /** Business time of the command (the clock port's now). */
  at: Date;
  /** What a 404 names when the actor may not see the case (e.g. the permit they asked for). */
  notFound?: { what: string; id: string };
}

/** What the command's own work decided, for the state change and the audit event. */
export interface TransitionStep<T = void> {
  /** The sub-case the command is about, for effects on the named sub-case. */
  subCaseId?: string;
  /** The command's audit event; the payload may depend on the state the command led to. */
  audit?: { action: string; payload: AuditPayload | ((after: AfterTransition) => AuditPayload) };
  /** Free text for the clock event (why the clock was paused, resumed, extended or stopped). */
  reason?: string;
  extensionMonths?: number;
  /** A resubmission amends the case's content. */
  content?: ApplicationContent;
  /** The decision's time, when the case becomes decided. */
  decidedAt?: Date;
  /** The case's one assignee after the command (null releases it); absent: unchanged. */
  assigneeSub?: string | null;
  /** The command turned out to change nothing (e.g. claiming a case one already holds): no new version, no event. */
  unchanged?: boolean;
  result?: T;
}

/** A case just opened, as opening wrote it: what the caller needs for its answer without reading it back. */
export interface Opened {
  /** Without its number until the last step of opening. */
  case: CaseRecord;
  subCases: SubCaseRecord[];
  clock: CaseClock;
  /** The clock events opening recorded. */
  clockEvents: ClockEvent[];
}

/** The audit event of opening a case: its action, and its payload from the case as written (its number is the event's subject). */
export interface OpeningAudit {
  action: string;
  payload: (opened: { case: CaseRecord; subCases: SubCaseRecord[] }) => AuditPayload;
}

/** A case as submission opens it: the application as submitted and one sub-case per data request. */
export interface NewCase extends Omit<NewCaseFile, 'number' | 'submittedAt'> {
  subCases: NewSubCase[];
}

export interface Transitioned<T = void> {
  case: CaseRecord;
  subCases: SubCaseRecord[];
  fromState: CaseState;
  clock?: CaseClock;
  result: T;
}

/**
 * The one way a command changes a case, in the caller's transaction: lock the case row, check that
 * the actor may see it (404 otherwise), that the lifecycle table allows the command, If-Match and
 * impartiality (WorkOnCase); let the command do its own work; then apply what the state-effects
 * table says the command does to the sub-cases and the case, record the clock event, give the case
 * a new version, run the hooks other libraries registered, record whom each sub-case now waits on
 * (waiting_period), and append the audit event.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly work: WorkOnCase,
    private readonly cases: CaseFileRepository,
    private readonly opening: CaseOpeningRepository,
    private readonly subCases: SubCaseRepository,
    private readonly clockEvents: ClockEventRepository,
    private readonly consultations: ConsultationRepository,
    private readonly clocks: CaseClockService,
    private readonly hooks: CaseHooks,
    private readonly audit: AuditLog,
    private readonly waiting: WaitingLedger,
  ) {}

  /**
   * Opens a case for a complete application in the caller's transaction: as `openClosing`, with the
   * closing statement run at once (the caller commits later, e.g. an extension drafted and sent in
   * one step).
   */
  async open(
    manager: EntityManager,
    actor: CaseActor,
    input: NewCase,
    at: Date,
    audit: OpeningAudit,
    alsoWrite: (opened: Opened) => Promise<void> = async () => undefined,
  ): Promise<Opened> {
    return runClosingWithin(manager, await this.openClosing(manager, actor, input, at, audit, alsoWrite));
  }

  /**
   * Opens a case for a complete application: its sub-cases, the statutory clock (a complete
   * application starts the EHDS art. 68(4) decision clock at once), then `alsoWrite` (the caller's
   * own writes, e.g. the application's status and the screening job, and the reads its answer needs)
   * and the `submit` hooks (the journal), all in the caller's transaction; and gives back, for the
   * caller to send with its COMMIT (`transactionClosedBy`), the closing statement that takes the
   * next number in the year's gap-free series and appends the audit event naming it. The number
   * and the audit chain are locks every submit shares, held to the commit: in the closing message
   * they are held while PostgreSQL runs it, not while the API process gets round to sending COMMIT
   * (issue 17), and a rollback still leaves no gap.
   */
  async openClosing(
    manager: EntityManager,
    actor: CaseActor,
    input: NewCase,
    at: Date,
    audit: OpeningAudit,
    alsoWrite: (opened: Opened) => Promise<void> = async () => undefined,
  ): Promise<ClosingStatement<Opened>> {
    const clockEvents: ClockEvent[] = [
      { type: 'received', at },
      { type: 'completed', at },
    ];
    // The ids are chosen here so that the clock, computed from the sub-cases, is known before the
    // one statement that writes the case, its sub-cases, its clock events and its clock figures.
    const id = randomUUID();
    const toOpen = input.subCases.map((s) => ({ ...s, id: randomUUID() }));
    const { clock, figures } = this.clocks.opening(
      toOpen.map((s) => ({ ...s, caseId: id, state: 'pending_screening', decidedAt: null })),
      clockEvents,
      at,
    );
    const { case: c, subCases } = await this.opening.open(manager, {
      id,
      kind: input.kind ?? 'application',
      amends: input.amends ?? null,
      applicationId: input.applicationId,
      applicantSub: input.applicantSub,
      applicantOrg: input.applicantOrg,
      applicantOrgName: input.applicantOrgName,
      content: input.content,
      submittedAt: at,
      subCases: toOpen,
      clockEvents,
      figures,
      clockDay: copenhagenDateOf(at).toString(),
    });
    const unnumbered: Opened = { case: c, subCases, clock, clockEvents };
    await this.waiting.recordOpened(manager, { c, subCases, clock }, at);
    await alsoWrite(unnumbered);
    // Opening is the submit command's effect: libraries that react to a new case (the journal, by its id) hook on it.
    await this.hooks.run(manager, { actor, command: 'submit', case: c, fromState: 'draft', subCases, at });
    // The payload is built from the case as written: its number is the event's subject, taken in the closing statement.
    const event = this.audit.closingAppend(
      { actor, action: audit.action, subject: { type: 'case' }, payload: audit.payload({ case: c, subCases }) },
      this.cases.numberTake(c.id, copenhagenDateOf(at).year),
    );
    let appended: AuditEvent | undefined;
    return {
      sql: event.sql,
      parameters: event.parameters,
      read: (rows) => {
        appended = event.read(rows);
        return { ...unnumbered, case: { ...c, number: appended.subject.id } };
      },
      followUp: () => event.followUp?.(appended!),
    };
  }

  /** The case row, locked for the rest of the transaction, for a sweep to check its state before a system command. */
  async peek(manager: EntityManager, caseId: string): Promise<CaseRecord | undefined> {
    return this.cases.find(manager, caseId, true);
  }

  async transition<T = void>(
    manager: EntityManager,
    actor: CaseActor,
    request: TransitionRequest,
    work: (atHand: CaseAtHand) => Promise<TransitionStep<T>> = async () => ({}) as TransitionStep<T>,
  ): Promise<Transitioned<T>> {
    const atHand = await this.work.load(manager, actor, request.caseId, request.command, request.expectedVersion, request.notFound);
    const step = await work(atHand);
    if (step.unchanged) return { case: atHand.c, subCases: atHand.subCases, fromState: atHand.c.state, result: step.result as T };
    return this.apply(manager, actor, atHand, request, step);
  }

  /**
   * As `transition`, for a system job the case may have overtaken since it was queued (withdrawn,
   * already answered by another job): `still` is asked of the locked case row, and when the case is
   * gone, `still` says no, or the lifecycle no longer allows the command, nothing is written and
   * the answer is `skipped` with the state found — a job that has nothing left to do is done, not
   * failed. The row is read once, under the lock every command takes, so two jobs for one case
   * take turns and the second sees what the first did.
   */
  async transitionIfStill<T = void>(
    manager: EntityManager,
    actor: SystemActor,
    request: Omit<TransitionRequest, 'expectedVersion' | 'notFound'>,
    still: (c: CaseRecord) => boolean,
    work: (atHand: CaseAtHand) => Promise<TransitionStep<T>>,
  ): Promise<Transitioned<T> | { skipped: CaseState | 'gone' }> {
    const { c, parts } = await this.work.read(manager, request.caseId, true);
    if (!c || !still(c) || !isCommandAllowed(c.state, actor.role, request.command)) return { skipped: c?.state ?? 'gone' };
    const atHand = await this.work.loadFound(manager, actor, c, request.command, undefined, () => notFound('case', request.caseId), parts);
    const step = await work(atHand);
    if (step.unchanged) return { case: atHand.c, subCases: atHand.subCases, fromState: atHand.c.state, result: step.result as T };
    return this.apply(manager, actor, atHand, request, step);
  }

  private async apply<T>(manager: EntityManager, actor: CaseActor, atHand: CaseAtHand, request: TransitionRequest, step: TransitionStep<T>): Promise<Transitioned<T>> {
    const { c } = atHand;
    const effect = stateEffect(c.kind, request.command);
    const at = request.at;

    const moveSubCases = async (m: EntityManager): Promise<SubCaseRecord[]> => {
      if (!effect.subCase) return atHand.subCases;
      const { scope, from, to } = effect.subCase;
      const moving = atHand.subCases.filter((s) => (scope === 'all' || s.id === step.subCaseId) && from.includes(s.state));
      // Only the transition writes sub_case, so the rows it moved plus the ones loaded under the case lock are the sub-cases now.
      const moved = new Map((await this.subCases.setState(m, moving.map((s) => s.id), to, to === 'decided' ? (step.decidedAt ?? at) : undefined)).map((s) => [s.id, s]));
      return atHand.subCases.map((s) => moved.get(s.id) ?? s);
    };
    const caseEffect = effect.case && (!effect.case.from || effect.case.from.includes(c.state)) ? effect.case : undefined;
    // A case state derived from the sub-cases, or guarded, is known only once they moved; otherwise
    // the sub-cases move in the same message as the case row (issue 17).
    const movesFirst = !!caseEffect && (caseEffect.to === 'derived' || !!caseEffect.guard);
    const movedFirst = movesFirst ? await moveSubCases(manager) : undefined;

    let next: CaseState = c.state;
    if (caseEffect && (await this.guardHolds(manager, c, caseEffect.guard, at))) {
      next = caseEffect.to === 'derived' ? deriveCaseState(c.state, movedFirst!) : caseEffect.to;
    }
    const becomesDecided = next === 'decided' && c.state !== 'decided';
    const clockEvent = effect.clock ?? (becomesDecided ? 'decided' : undefined);
    const refreshesClock = !!clockEvent || !!effect.subCase;
    // The sub-cases, the case row, the clock event and the clock events the clock is computed from
    // (the new one included), in one message rather than four (issue 17).
    const [subCases, updated, , clockEvents] = await inOneMessage(manager, (batched) =>
      Promise.all([
        movedFirst ?? moveSubCases(batched),
        this.cases.setState(batched, c.id, next, at, {
          withdrawnAt: next === 'withdrawn' && c.state !== 'withdrawn' ? at : undefined,
          decidedAt: becomesDecided ? (step.decidedAt ?? at) : undefined,
          content: step.content,
          assigneeSub: step.assigneeSub,
        }),
        clockEvent ? this.clockEvents.add(batched, c.id, clockEvent, clockEvent === 'decided' ? (step.decidedAt ?? at) : at, step.reason, step.extensionMonths) : undefined,
        refreshesClock ? this.clocks.events(batched, c.id) : undefined,
      ]),
    );
    const clock = refreshesClock ? this.clocks.computed(subCases, clockEvents!, at) : undefined;

    // The clock's figures are written first; the hooks' and the ledger's first statements go in the
    // same message (issue 17), after them, so they see the case as the command left it.
    await inOneMessage(manager, (batched) =>
      Promise.all([
        clock ? this.clocks.store(batched, c.id, clock, updated.version, at) : undefined,
        (async () => {
          await this.hooks.run(batched, { actor, command: request.command, case: updated, fromState: c.state, subCases, at, reason: step.reason });
          // After the hooks: whom the case waits on may depend on what they changed (a withdrawal returns
          // pending drafts). They write only their own library's tables, never the case, its sub-cases or
          // its clock events, so the ledger takes those as the transition holds them and reads the rest.
          // The audit event last, in the message of the ledger's writes.
          const audit = step.audit;
          await this.waiting.record(batched, at, { c: updated, subCases, clock }, async (m) => {
            if (!audit) return;
            const payload = typeof audit.payload === 'function' ? audit.payload({ case: updated, fromState: c.state, clock }) : audit.payload;
            // Nothing reads the event back: in a job's transaction it goes with the COMMIT (AuditLog.appendAtClose).
            await this.audit.appendAtClose(m, { actor, action: audit.action, subject: { type: 'case', id: c.number }, payload });
          });
        })(),
      ]),
    );
    return { case: updated, subCases, fromState: c.state, clock, result: step.result as T };
  }

  private async guardHolds(manager: EntityManager, c: CaseRecord, guard: CaseGuard | undefined, at: Date): Promise<boolean> {
    switch (guard) {
      case undefined:
        return true;
      case 'no_pending_consultation':
        return (await this.consultations.pendingCount(manager, c.id, at)) === 0;
    }
  }
}
