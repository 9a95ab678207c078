import { BusinessClock } from '@kp/clock';
import { CaseTransitions, StaffRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assignmentView, AssignmentView } from '../views/assignment.view';
import { ReleaseCaseCommand } from './release-case.command';

/** The holder gives a case back to its queue; nobody else can release it for them (assign instead). */
@Injectable()
export class ReleaseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly staff: StaffRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId, expectedVersion }: ReleaseCaseCommand): Promise<AssignmentView> {
    return this.db.transaction(async (manager) => {
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'release', expectedVersion, at: this.clock.now() }, async ({ c }) => {
        await this.staff.seen(manager, actor);
        if (!c.assigneeSub) throw new DomainError('not-claimed', `Nobody holds case ${c.number}, so there is nothing to release.`);
        if (c.assigneeSub !== actor.sub) {
          throw new DomainError('not-holder', `Only the holder, ${c.assigneeSub}, can release case ${c.number}; to move it, assign it instead.`, { holder: c.assigneeSub });
        }
        return { assigneeSub: null, audit: { action: 'case.released', payload: { caseId: c.id, state: c.state } } };
      });
      return assignmentView(done.case);
    });
  }
}
