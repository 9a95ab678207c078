import { BusinessClock } from '@kp/clock';
import { DataSourceEntry, RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resolveAuthority } from '../data-sources/authority-in-force';
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
    private readonly assignments: AuthorityRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute() {
    const now = this.clock.now();
    // Two lookups for the whole catalogue, not two per source: this is a public, unauthenticated page.
    const assignments = await this.assignments.allFrom(this.db.manager, now);
    return this.registry
      .dataSources()
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((source) => dataSourceSummary(source, assignments.filter((a) => a.dataSourceId === source.id)));
  }
}

type Assignment = Awaited<ReturnType<AuthorityRepository['allFrom']>>[number];

/** One source as the catalogue lists it: track and authority in force now, planned changes, requirements. */
export function dataSourceSummary(source: DataSourceEntry, own: Assignment[]) {
  const current = resolveAuthority(source, own.find((a) => a.inForce));
  return {
    id: source.id,
    name: source.name,
    kind: source.kind,
    controller: source.controller,
    region: source.region ?? null,
    advisorRegion: source.advisorRegion ?? null,
    track: current.track,
    decidingAuthority: current.decidingAuthority,
    plannedChanges: own
      .filter((a) => !a.inForce)
      .map((p) => ({ track: p.track, decidingAuthority: p.decidingAuthority, effectiveFrom: new Date(p.effectiveFrom!).toISOString() })),
    requires: source.requires ?? [],
    catalogue: source.catalogue ? { completeness: source.catalogue.completeness, variableCount: source.catalogue.variables.length } : null,
    ruleSet: source.ruleSet,
  };
}
