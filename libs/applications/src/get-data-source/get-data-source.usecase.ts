import { BusinessClock } from '@kp/clock';
import { notFound } from '@kp/errors';
import { RuleSetRegistry } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorityRepository } from '../infrastructure/authority.repository';
import { dataSourceSummary } from '../list-data-sources/list-data-sources.usecase';
import { GetDataSourceCommand } from './get-data-source.command';

/**
 * One source of the catalogue (public): what the list says, plus every variable one can ask for,
 * with its labels, sensitivity and whether its name is confirmed against the holder's documentation
 * — information given once and reused (EHDS art. 67; issue 10).
 */
@Injectable()
export class GetDataSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: RuleSetRegistry,
    private readonly assignments: AuthorityRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute({ dataSourceId }: GetDataSourceCommand) {
    const source = this.registry.dataSources().find((s) => s.id === dataSourceId);
    if (!source) throw notFound('data source', dataSourceId);
    const own = (await this.assignments.allFrom(this.db.manager, this.clock.now())).filter((a) => a.dataSourceId === source.id);
    return {
      ...dataSourceSummary(source, own),
      catalogue: source.catalogue
        ? {
            completeness: source.catalogue.completeness,
            variables: source.catalogue.variables.map((v) => ({ name: v.name, label: v.label, sensitivity: v.sensitivity, verified: v.verified ?? true, ...(v.source ? { source: v.source } : {}) })),
          }
        : null,
    };
  }
}
