import { Injectable } from '@nestjs/common';
import { DataSourceDefinition, RuleSetRegistry } from '@kp/rules';
import { EntityManager } from 'typeorm';
import { AuthorityAssignment } from '../domain/records';
import { AuthorityRepository } from '../infrastructure/authority.repository';

/**
 * Which track and deciding authority apply to a data source at a moment: the newest admin
 * assignment already effective, otherwise the plugin manifest's default. Names of authorities are
 * data, never code (LEGAL.md: the authority's name may change).
 */
@Injectable()
export class AuthorityInForce {
  constructor(
    private readonly registry: RuleSetRegistry,
    private readonly assignments: AuthorityRepository,
  ) {}

  dataSource(id: string): DataSourceDefinition | undefined {
    return this.registry.dataSource(id);
  }

  async at(manager: EntityManager, source: DataSourceDefinition, moment: Date): Promise<AuthorityAssignment> {
    return resolveAuthority(source, await this.assignments.inForce(manager, source.id, moment));
  }

  /** `at` for several sources in one statement (issue 17: a submit asked once a source). By source id. */
  async ofMany(manager: EntityManager, sources: DataSourceDefinition[], moment: Date): Promise<Map<string, AuthorityAssignment>> {
    const assigned = await this.assignments.inForceOfMany(manager, [...new Set(sources.map((s) => s.id))], moment);
    return new Map(sources.map((s) => [s.id, resolveAuthority(s, assigned.get(s.id))]));
  }
}

/** The admin assignment in force if there is one, else the manifest's default. */
export function resolveAuthority(source: DataSourceDefinition, assigned: Omit<AuthorityAssignment, 'origin'> | undefined): AuthorityAssignment {
  if (assigned) return { ...assigned, origin: 'assignment' };
  return { id: null, dataSourceId: source.id, track: source.defaultTrack, decidingAuthority: source.decidingAuthority, effectiveFrom: null, origin: 'manifest' };
}
