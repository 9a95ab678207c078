import { CasesModule } from '@kp/cases';
import { DecisionsModule } from '@kp/decisions';
import { Module } from '@nestjs/common';
import { ActivityReports } from './activity-report/activity-report.usecase';

/**
 * An authority's records duties (issue 16): the yearly activity report, the journal, retention and
 * access to files (docs/records-and-retention.md).
 */
@Module({
  imports: [CasesModule, DecisionsModule],
  providers: [ActivityReports],
  exports: [ActivityReports],
})
export class RecordsModule {}
