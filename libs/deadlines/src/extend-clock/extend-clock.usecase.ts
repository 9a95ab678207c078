import { textDigest } from '@kp/audit';
import { CaseTransitions, ClockEventRepository, ClockView } from '@kp/cases';
import { Actor } from '@kp/auth';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { BusinessClock, ClockEvent, ClockEventError, ClockExtensionError, DanishCalendar } from '@kp/clock';
import { Notifier } from '@kp/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clockConflict, extensionRefused } from '../domain/problems';
import { assertClockAccepts, toClockEvents } from '../domain/statutory-clock';
import { ExtendClockCommand } from './extend-clock.command';

export interface ClockExtended {
  caseId: string;
  number: string;
  version: number;
  clock: ClockView | null;
}

/**
 * Extends the decision limit (EHDS art. 68(4): by up to 3 months in all, only with a recorded
 * reason). The clock library is the judge: the extension is tried on every open sub-case's clock
 * before it is stored, so the cap, the reason and an expired limit are refused the same way the
 * clock would compute them.
 */
@Injectable()
export class ExtendClock {
  private readonly calendar = new DanishCalendar();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly clockEvents: ClockEventRepository,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: ExtendClockCommand): Promise<ClockExtended> {
    return this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const reason = command.reason?.trim() ?? '';
      const done = await this.transitions.transition(manager, actor, { caseId: command.caseId, command: 'extend_clock', expectedVersion: command.expectedVersion, at: now }, async ({ c, subCases }) => {
        const extended: ClockEvent = { type: 'extended', at: now, reason, extensionMonths: command.months };
        try {
          assertClockAccepts(this.config.clockPolicies, toClockEvents(await this.clockEvents.forCase(manager, c.id)), extended, subCases, this.calendar);
        } catch (error) {
          if (error instanceof ClockExtensionError) throw extensionRefused(error);
          if (error instanceof ClockEventError) throw clockConflict(error);
          throw error;
        }
        return {
          reason,
          extensionMonths: command.months,
          audit: {
            action: 'case.clock_extended',
            payload: ({ clock }) => ({ caseId: c.id, months: command.months, reasonSha256: textDigest(reason), dueAt: clock?.case?.dueAt ?? null, extendedBy: clock?.case?.extendedBy ?? null }),
          },
        };
      });
      const c = done.case;
      const clock = done.clock?.case ?? null;
      const due = clock ? { da: clock.dueDate.split('-').reverse().join('-'), en: clock.dueDate } : { da: '—', en: '—' };
      await this.notifier.notify(manager, {
        to: { sub: c.applicantSub },
        kind: 'clock_extended',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Sag ${c.number}: fristen er forlænget`, en: `Case ${c.number}: the time limit is extended` },
        body: {
          da: `Fristen for afgørelse er forlænget med ${command.months} måned${command.months === 1 ? '' : 'er'} til ${due.da}. Begrundelse: ${reason}`,
          en: `The time limit for the decision is extended by ${command.months} month${command.months === 1 ? '' : 's'} to ${due.en}. Reason: ${reason}`,
        },
      });
      return { caseId: c.id, number: c.number, version: c.version, clock };
    });
  }
}
