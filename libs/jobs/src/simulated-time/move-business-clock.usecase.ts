import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock, SettableClock } from '@kp/clock';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Where business time should go: forward by `advanceMs`, or to the moment `to` (never back). */
export interface MoveBusinessClockCommand {
  advanceMs?: number;
  to?: Date;
}

export interface BusinessTime {
  now: string;
}

/**
 * Moves business time from outside the process, for the flow simulator and manual tests of a
 * running app. Exists only on a settable clock (BUSINESS_CLOCK=settable, which AppConfig refuses
 * with NODE_ENV=production, since decisions and EHDS art. 68(4) deadlines must run on real time);
 * on the system clock it answers as if it did not exist. Only forward: the statutory clocks and the
 * audit trail assume time only grows. Audited, because every later deadline follows from it.
 */
@Injectable()
export class MoveBusinessClock {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: BusinessClock,
    private readonly audit: AuditLog,
  ) {}

  read(actor: Actor): BusinessTime {
    this.settable(actor);
    return { now: this.clock.now().toISOString() };
  }

  async execute(actor: Actor, command: MoveBusinessClockCommand): Promise<BusinessTime> {
    const clock = this.settable(actor);
    const from = clock.now();
    if ((command.advanceMs === undefined) === (command.to === undefined)) {
      throw new ValidationFailedError('Give either advanceMs or to.', [{ field: 'advanceMs', messages: ['give either advanceMs or to, not both or neither'], rule: 'advance-or-to' }]);
    }
    if (command.to !== undefined && command.to.getTime() < from.getTime()) {
      throw new ValidationFailedError('Business time only moves forward.', [{ field: 'to', messages: [`must not be before the current business time ${from.toISOString()}`], rule: 'not-before-business-time', args: { now: from.toISOString() } }]);
    }
    if (command.advanceMs !== undefined) clock.advance(command.advanceMs);
    else clock.set(command.to!);
    const to = clock.now();
    await this.db.transaction((manager) =>
      this.audit.append(manager, {
        actor,
        action: 'business_clock.moved',
        subject: { type: 'business_clock', id: 'settable' },
        payload: { from: from.toISOString(), to: to.toISOString() },
      }),
    );
    return { now: to.toISOString() };
  }

  private settable(actor: Actor): SettableClock {
    if (!(this.clock instanceof SettableClock)) throw new NotFoundError('route', 'dev/clock', 'There is no such route: business time is the system clock here.');
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin moves business time.');
    return this.clock;
  }
}
