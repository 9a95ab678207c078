import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { permitView } from './decision.view';
import { DecisionVisibility } from './decision-visibility';
import { GetPermitCommand } from './get-permit.command';

/** One permit, for its holder, contact-point staff and auditors; controllers do not read permits. */
@Injectable()
export class GetPermit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DecisionVisibility,
    private readonly decisions: DecisionRepository,
  ) {}

  async execute(actor: Actor, { permitId }: GetPermitCommand) {
    const p = await this.decisions.findPermit(this.db.manager, permitId);
    if (!p || actor.role === 'controller') throw notFound('permit', permitId);
    await this.visibility.visibleCase(this.db.manager, actor, p.caseId).catch(() => {
      throw notFound('permit', permitId);
    });
    return permitView(p);
  }
}
