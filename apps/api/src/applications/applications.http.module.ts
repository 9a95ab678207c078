import { ApplicationsModule } from '@kp/applications';
import { AuditModule } from '@kp/audit';
import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications.controller';
import { CaseAuditController } from './case-audit.controller';
import { DataSourcesController } from './data-sources.controller';
import { PublicRegisterController } from './public-register.controller';
import { TeamController } from './team.controller';
import { StatisticsRequestsController } from './statistics-requests.controller';

/**
 * HTTP wiring for applications: drafts and submission, the data-source catalogue and its routing,
 * a case's audit timeline and the transparency register of received applications.
 */
@Module({
  imports: [ApplicationsModule, AuditModule],
  controllers: [ApplicationsController, StatisticsRequestsController, DataSourcesController, CaseAuditController, PublicRegisterController, TeamController],
})
export class ApplicationsHttpModule {}
