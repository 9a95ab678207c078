import { ApplicationsModule } from '@kp/applications';
import { AuthModule } from '@kp/auth';
import { JobsModule } from '@kp/jobs';
import { PlatformModule } from '@kp/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationsController } from './applications/applications.controller';
import { CasesController } from './cases/cases.controller';
import { DataSourcesController } from './data-sources/data-sources.controller';
import { AuditHttpModule } from './audit/audit.http.module';
import { CaseWorkHttpModule } from './case-work/case-work.http.module';
import { DeadlinesHttpModule } from './deadlines/deadlines.http.module';
import { DecisionsHttpModule } from './decisions/decisions.http.module';
import { HealthModule } from './health/health.module';
import { MeController } from './me/me.controller';

export interface ApiOptions {
  /** Run the worker's jobs in this process (the embedded `npm start` and the e2e tests). */
  withWorker: boolean;
}

@Module({})
export class ApiModule {
  static register(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      controllers: [MeController, ApplicationsController, CasesController, DataSourcesController],
      imports: [
        PlatformModule,
        AuthModule,
        HealthModule,
        ApplicationsModule,
        CaseWorkHttpModule,
        DeadlinesHttpModule,
        DecisionsHttpModule,
        AuditHttpModule, ...(options.withWorker ? [JobsModule] : [])],
    };
  }
}
