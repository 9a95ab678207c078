import { APP_CONFIG, AppConfig } from '@kp/config';
import { ClockError, ClockEvent, ClockEventType, ClockState, computeClock, copenhagenDateOf, DanishCalendar } from '@kp/clock';
import { inOneMessage } from '@kp/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecord, SubCaseRecord } from '../domain/records';
import { CaseClockFigures, CaseFileRepository } from '../infrastructure/case-file.repository';
import { ClockEventRepository, ClockEventRow } from '../infrastructure/clock-event.repository';
import { ClockUnsweptRepository } from '../infrastructure/clock-unswept.repository';
import { SubCaseRepository } from '../infrastructure/sub-case.repository';

/** What a clock is computed from: the case, its sub-cases and its clock events. */
export interface KnownCase {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  clockEvents: ClockEvent[];
}

export interface ClockView {
  phase: ClockState['phase'];
  limit: ClockState['limit'];
  startedAt: string;
  dueAt: string;
  dueDate: string;
  daysUsed: number;
  daysLeft: number;
  paused: boolean;
  pausedPeriods: { from: string; to: string | null; days: number }[];
  atRisk: boolean;
  overdue: boolean;
  extendedBy: number;
  extensions: { months: number; reason: string; at: string }[];
  stoppedAt: string | null;
}

export interface CaseClock {
  /** The case's clock: the earliest-due open sub-case governs it. */
  case: ClockView | null;
  subCases: Record<string, ClockView>;
}

/**
 * The statutory clock (EHDS art. 68(4)) of a case and its sub-cases, from the case's clock events.
 * Each sub-case runs on its track's policy and stops at its own decision; the case shows the
 * clock of the open sub-case due first. `refresh` stores the figures the queues filter on.
 */
@Injectable()
export class CaseClockService {
  private readonly calendar = new DanishCalendar();

  constructor(
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
    private readonly clockEvents: ClockEventRepository,
    private readonly unswept: ClockUnsweptRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `known`: the case's clock events when the caller has just written them all. */
  async forCase(manager: EntityManager, c: CaseRecord, subCases: SubCaseRecord[], now: Date, known?: ClockEvent[]): Promise<CaseClock> {
    return this.compute(subCases, known ?? (await this.events(manager, c.id)), now);
  }

  private compute(subCases: SubCaseRecord[], events: ClockEvent[], now: Date): CaseClock {
    if (events.length === 0) return { case: null, subCases: {} };
    const states = new Map<string, ClockState>();
    for (const s of subCases) {
      const own = s.decidedAt ? [...events, { type: 'decided' as const, at: new Date(s.decidedAt) }] : events;
      states.set(s.id, computeClock(this.config.clockPolicies[s.track], own, now, this.calendar));
    }
    const open = subCases.filter((s) => s.state !== 'decided' && s.state !== 'withdrawn');
    const governing = (open.length ? open : subCases)
      .map((s) => states.get(s.id)!)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    return {
      case: governing ? view(governing) : null,
      subCases: Object.fromEntries([...states].map(([id, state]) => [id, view(state)])),
    };
  }

  /**
   * Whether the clock of every open sub-case would take `next` now — the test the deadlines library
   * applies before it records a pause or an extension, asked ahead so the case can offer the command.
   * `known`: the case's clock events when the caller has just written them all.
   */
  async accepts(manager: EntityManager, c: CaseRecord, subCases: SubCaseRecord[], next: ClockEvent, known?: ClockEvent[]): Promise<boolean> {
    const events = known ?? (await this.events(manager, c.id));
    if (events.length === 0) return false;
    try {
      for (const s of subCases.filter((x) => x.state !== 'decided' && x.state !== 'withdrawn')) computeClock(this.config.clockPolicies[s.track], [...events, next], next.at, this.calendar);
      return true;
    } catch (error) {
      if (error instanceof ClockError) return false;
      throw error;
    }
  }

  /**
   * What `refresh` needs of each of `caseIds` (the case, its sub-cases, its clock events), read in
   * three statements for all of them instead of three a case: for a sweep over many cases.
   */
  async known(manager: EntityManager, caseIds: string[]): Promise<Map<string, KnownCase>> {
    const cases = await this.cases.findMany(manager, caseIds);
    const subCases = await this.subCases.forCases(manager, caseIds);
    const events = await this.clockEvents.forCases(manager, caseIds);
    return new Map(cases.map((c) => [c.id, { c, subCases: subCases.get(c.id) ?? [], clockEvents: (events.get(c.id) ?? []).map(clockEvent) }]));
  }

  /** The case's clock events, for a caller that needs them more than once (the clock and the outlook of one case view). */
  async events(manager: EntityManager, caseId: string): Promise<ClockEvent[]> {
    return (await this.clockEvents.forCase(manager, caseId)).map(clockEvent);
  }

  /**
   * The clock of a case about to be opened, and the figures its row is inserted with: computed from
   * what opening will write, so the row needs no second statement for them (CaseOpeningRepository).
   */
  opening(subCases: SubCaseRecord[], clockEvents: ClockEvent[], now: Date): { clock: CaseClock; figures: CaseClockFigures } {
    const clock = this.compute(subCases, clockEvents, now);
    return { clock, figures: figuresOf(clock) };
  }

  /**
   * Recomputes and stores due date, at-risk, overdue and paused on the case row, for a command that
   * changed the clock's inputs; returns the clock. The case is marked for the deadline sweep, which
   * alerts on what the command changed (`refreshMany` takes the mark away).
   * `known`: the case, its sub-cases and perhaps its clock events as the caller has just written them (no need to read them again).
   */
  async refresh(manager: EntityManager, caseId: string, now: Date, known?: { c: CaseRecord; subCases: SubCaseRecord[]; clockEvents?: ClockEvent[] }): Promise<CaseClock> {
    const c = known?.c ?? (await this.cases.find(manager, caseId))!;
    const clock = await this.forCase(manager, c, known?.subCases ?? (await this.subCases.forCase(manager, caseId)), now, known?.clockEvents);
    await this.store(manager, caseId, clock, c.version, now);
    return clock;
  }

  /** The clock of a case from what the caller holds of it (its sub-cases, all its clock events), without a statement. */
  computed(subCases: SubCaseRecord[], clockEvents: ClockEvent[], now: Date): CaseClock {
    return this.compute(subCases, clockEvents, now);
  }

  /**
   * `refresh`'s writes, for a clock just computed at case version `version`: the figures, and the
   * mark for the deadline sweep, in one message (issue 17). The statements are sent at once, before
   * this waits for anything: a caller sending more on a batched manager sends them after these.
   */
  async store(manager: EntityManager, caseId: string, clock: CaseClock, version: number, now: Date): Promise<void> {
    await inOneMessage(manager, (batched) =>
      Promise.all([this.cases.setClockFigures(batched, caseId, figuresOf(clock), copenhagenDateOf(now).toString()), this.unswept.mark(batched, caseId, version)]),
    );
  }

  /**
   * `refresh` for a batch of cases read by `known`, for the deadline sweep: the figures are written
   * in one statement, only where they or the day they hold for changed (issue 17: the sweep finds
   * most open cases as it left them), and the cases' marks from commands are taken away. A case
   * whose history the clock refuses gets its ClockError in the answer and keeps its stored figures
   * and its mark.
   */
  async refreshMany(manager: EntityManager, known: Map<string, KnownCase>, now: Date): Promise<Map<string, CaseClock | ClockError>> {
    const clocks = new Map<string, CaseClock | ClockError>();
    const computed: (CaseClockFigures & { caseId: string; version: number })[] = [];
    for (const [caseId, { c, subCases, clockEvents }] of known) {
      let clock: CaseClock;
      try {
        clock = await this.forCase(manager, c, subCases, now, clockEvents);
      } catch (error) {
        if (!(error instanceof ClockError)) throw error;
        clocks.set(caseId, error);
        continue;
      }
      clocks.set(caseId, clock);
      computed.push({ caseId, version: c.version, ...figuresOf(clock) });
    }
    await this.cases.setClockFiguresOfMany(manager, computed, copenhagenDateOf(now).toString());
    await this.unswept.clear(manager, computed);
    return clocks;
  }
}

/** What the case row stores of its clock for the queues to filter on. */
function figuresOf(clock: CaseClock): CaseClockFigures {
  return {
    dueAt: clock.case ? clock.case.dueAt : null,
    atRisk: clock.case?.atRisk ?? false,
    overdue: clock.case?.overdue ?? false,
    paused: clock.case?.paused ?? false,
  };
}

function clockEvent(e: ClockEventRow): ClockEvent {
  return {
    type: e.type as ClockEventType,
    at: new Date(e.at),
    reason: e.reason ?? undefined,
    extensionMonths: e.extensionMonths ?? undefined,
  };
}

function view(state: ClockState): ClockView {
  const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
  return {
    phase: state.phase,
    limit: state.limit,
    startedAt: state.startedAt.toISOString(),
    dueAt: state.dueAt.toISOString(),
    dueDate: state.dueDate,
    daysUsed: state.daysUsed,
    daysLeft: state.daysLeft,
    paused: state.paused,
    pausedPeriods: state.pausedPeriods.map((p) => ({ from: p.from.toISOString(), to: iso(p.to), days: p.days })),
    atRisk: state.atRisk,
    overdue: state.overdue,
    extendedBy: state.extendedBy,
    extensions: state.extensions.map((e) => ({ months: e.months, reason: e.reason, at: e.at.toISOString() })),
    stoppedAt: iso(state.stoppedAt),
  };
}
