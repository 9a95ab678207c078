import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { permitVersionView, permitView } from './decision.view';
import { CaseFileRepository } from '@kp/cases';
import { DecisionVisibility } from './decision-visibility';
import { GetPermitCommand } from './get-permit.command';

/** One permit, for its holder, contact-point staff and auditors; controllers do not read permits. */
@Injectable()
export class GetPermit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: DecisionVisibility,
    private readonly decisions: DecisionRepository,
    private readonly cases: CaseFileRepository,
  ) {}

  async execute(actor: Actor, { permitId }: GetPermitCommand) {
    const p = await this.decisions.findPermit(this.db.manager, permitId);
    if (!p || actor.role === 'controller') throw notFound('permit', permitId);
    await this.visibility.visibleCase(this.db.manager, actor, p.caseId).catch(() => {
      throw notFound('permit', permitId);
    });
    // The chain of versions (amendments, extensions), each with the case that gave it (issue 15).
    const versions = [];
    for (const v of await this.decisions.permitVersions(this.db.manager, p.number)) versions.push(permitVersionView(v, (await this.cases.find(this.db.manager, v.caseId))?.number ?? ''));
    return { ...permitView(p), versions };
  }
}
