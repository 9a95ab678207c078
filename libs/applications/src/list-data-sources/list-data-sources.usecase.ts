import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorityInForce } from '../data-sources/authority-in-force';
import { AuthorityRepository } from '../infrastructure/authority.repository';

/**
 * The researcher's overview of the catalogue (public): each source's track and deciding authority
 * in force now, any planned change, its controller, what it requires of an application and the
 * rule-set version that screens it.
 */
@Injectable()
export class ListDataSources {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: RuleSetRegistry,
    private readonly authority: AuthorityInForce,
    private readonly assignments: AuthorityRepository,
  ) {}

  async execute() {
    const now = new Date();
    const sources = this.registry.dataSources().sort((a, b) => a.id.localeCompare(b.id));
    return Promise.all(
      sources.map(async (source) => {
        const inForce = await this.authority.at(this.db.manager, source, now);
        const planned = await this.assignments.upcoming(this.db.manager, source.id, now);
        return {
          id: source.id,
          name: source.name,
          kind: source.kind,
          controller: source.controller,
          region: source.region ?? null,
          advisorRegion: source.advisorRegion ?? null,
          track: inForce.track,
          decidingAuthority: inForce.decidingAuthority,
          plannedChanges: planned.map((p) => ({ track: p.track, decidingAuthority: p.decidingAuthority, effectiveFrom: new Date(p.effectiveFrom!).toISOString() })),
          requires: source.requires ?? [],
          ruleSet: source.ruleSet,
        };
      }),
    );
  }
}
