import { BusinessClock } from '@kp/clock';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorityInForce } from '../data-sources/authority-in-force';
import { forbidden } from '../domain/problems';
import { AuthorityRepository } from '../infrastructure/authority.repository';
import { ChangeAuthorityCommand } from './change-authority.command';


/** Tolerance for clocks of client and server disagreeing on "now". */
const PAST_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Moves a data source between the central and the collaborative track, or changes its deciding
 * authority, from an effective date: the planned transfer of competence to the contact point
 * (L 182 (2024–25), proposed sundhedsloven § 48c). Open cases keep their snapshot; submissions from
 * the effective date use the new assignment.
 */
@Injectable()
export class ChangeAuthority {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly authority: AuthorityInForce,
    private readonly assignments: AuthorityRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: ChangeAuthorityCommand) {
    if (actor.role !== 'admin') throw forbidden('Only an admin can change the authority of a data source.');
    const source = this.authority.dataSource(command.dataSourceId);
    if (!source) throw notFound('data source', command.dataSourceId);
    const now = this.clock.now();
    const effectiveFrom = command.effectiveFrom ?? now;
    if (effectiveFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
      throw new DomainError('effective-date-in-past', 'effectiveFrom lies in the past; an authority change takes effect now or later, never retroactively.', {
        errors: [{ field: 'effectiveFrom', messages: ['must be now or in the future'], rule: 'not-in-past' }],
      });
    }
    return this.db.transaction(async (manager) => {
      const before = await this.authority.at(manager, source, effectiveFrom);
      const assignment = await this.assignments.insert(manager, {
        dataSourceId: source.id,
        track: command.track,
        decidingAuthority: command.decidingAuthority,
        effectiveFrom,
        reason: command.reason,
        assignedBy: actor.sub,
      });
      await this.audit.append(manager, {
        actor,
        action: 'data_source.authority_changed',
        subject: { type: 'data_source', id: source.id },
        payload: {
          assignmentId: assignment.id,
          from: { track: before.track, decidingAuthority: before.decidingAuthority, origin: before.origin },
          to: { track: command.track, decidingAuthority: command.decidingAuthority },
          effectiveFrom: effectiveFrom.toISOString(),
          reason: command.reason,
        },
      });
      return {
        id: assignment.id,
        dataSourceId: source.id,
        track: assignment.track,
        decidingAuthority: assignment.decidingAuthority,
        effectiveFrom: new Date(assignment.effectiveFrom!).toISOString(),
        reason: command.reason,
      };
    });
  }
}
