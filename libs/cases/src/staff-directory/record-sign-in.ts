import { Actor } from '@kp/auth';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffRepository } from '../infrastructure/staff.repository';

/** How long a process trusts that an unchanged token's claims are already in the directory. */
const RECORDED_FOR_MS = 5 * 60 * 1000;
const MAX_REMEMBERED = 10_000;

/**
 * Keeps the staff directory current from verified tokens: a person is recorded at their first
 * request ("sign-in") and again when their claims change (a new e-mail, role or region) or every few
 * minutes, never on every request. A failure to record is logged and does not fail the request.
 */
@Injectable()
export class RecordSignIn {
  private readonly logger = new Logger(RecordSignIn.name);
  private readonly recorded = new Map<string, { claims: string; at: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffRepository,
  ) {}

  async record(actor: Actor): Promise<void> {
    const claims = JSON.stringify([actor.role, actor.organisation, actor.region, actor.name, actor.email, actor.locale]);
    const last = this.recorded.get(actor.sub);
    const now = Date.now();
    if (last && last.claims === claims && now - last.at < RECORDED_FOR_MS) return;
    try {
      await this.staff.seen(this.db.manager, actor);
      if (this.recorded.size >= MAX_REMEMBERED) this.recorded.clear();
      this.recorded.set(actor.sub, { claims, at: now });
    } catch (error) {
      this.logger.warn(`could not record the sign-in of ${actor.sub}: ${String(error)}`);
    }
  }
}
