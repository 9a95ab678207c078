import { ConsultationRepository, isStaff } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, ForbiddenError } from '@kp/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { consultationView } from '../views/consultation.view';
import { ListConsultationsCommand } from './list-consultations.command';

/**
 * Consultations, the soonest deadline first: an advisor sees those addressed to the region in their
 * token (rule-created and caseworker-asked alike); contact-point staff see all.
 */
@Injectable()
export class ListConsultations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consultations: ConsultationRepository,
  ) {}

  async execute(actor: Actor, { state, caseId, limit, cursor }: ListConsultationsCommand) {
    let region: string | undefined;
    if (actor.role === 'advisor') {
      if (!actor.region) throw new DomainError('no-region', 'Your token names no region, so no consultations are addressed to you.');
      region = actor.region;
    } else if (!isStaff(actor)) {
      throw new ForbiddenError('Only advisors and contact-point staff read consultations.');
    }
    const after = decodeKeysetCursor(cursor);
    return this.db.transaction(async (manager) => {
      const rows = await this.consultations.page(manager, { region, state, caseId }, limit, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(consultationView),
        nextCursor: rows.length > limit && last ? encodeKeysetCursor({ key: last.deadlineKey, id: last.id }) : null,
      };
    });
  }
}
