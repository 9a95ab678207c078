import { DomainError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffRepository } from '../infrastructure/staff.repository';

export interface ConflictCheckOptions {
  /** Word the refusal for someone else than the actor (an assignee). */
  about?: 'actor' | 'assignee';
}

/**
 * Impartiality (habilitet, forvaltningsloven § 3): a person who has declared a conflict of interest
 * in the applicant organisation may not claim, be assigned, draft or issue anything on its case.
 * Called before any such command, inside the command's transaction.
 */
@Injectable()
export class ConflictCheck {
  constructor(private readonly staff: StaffRepository) {}

  /** Whether `sub` has declared a conflict in `organisationCvr` (for a bulk step that skips rather than fails). */
  async hasConflict(manager: EntityManager, sub: string, organisationCvr: string | null | undefined): Promise<boolean> {
    return !!organisationCvr && !!(await this.staff.conflict(manager, sub, organisationCvr));
  }

  /** Throws {@link ConflictOfInterestError} when `actorSub` has declared a conflict in `organisationCvr`. */
  async assertNoConflict(manager: EntityManager, actorSub: string, organisationCvr: string | null | undefined, options: ConflictCheckOptions = {}): Promise<void> {
    if (!organisationCvr) return;
    const conflict = await this.staff.conflict(manager, actorSub, organisationCvr);
    if (!conflict) return;
    throw new ConflictOfInterestError(organisationCvr, actorSub, options.about ?? 'actor');
  }
}

/** Refused for impartiality (`conflict-of-interest`): `person` declared a conflict in `organisation`. */
export class ConflictOfInterestError extends DomainError {
  constructor(organisation: string, person: string, about: 'actor' | 'assignee') {
    const who = about === 'assignee' ? `${person} has` : 'You have';
    super(
      'conflict-of-interest',
      `${who} declared a conflict of interest in the applicant organisation (CVR ${organisation}), so another person must handle this case (forvaltningsloven § 3).`,
      { organisation, person },
    );
  }
}
