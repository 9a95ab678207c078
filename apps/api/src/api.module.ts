import { ApplicationsModule } from '@kp/applications';
import { AuthModule } from '@kp/auth';
import { ProcessIdentityModule } from '@kp/config';
import { DeliveryModule } from '@kp/delivery';
import { JobsModule } from '@kp/jobs';
import { PlatformModule } from '@kp/platform';
import { RateLimitModule } from '@kp/rate-limit';
import { RecordsModule } from '@kp/records';
import { DynamicModule, Module } from '@nestjs/common';
import { ApplicationsHttpModule } from './applications/applications.http.module';
import { AttachmentsHttpModule } from './attachments/attachments.http.module';
import { AuditHttpModule } from './audit/audit.http.module';
import { DevSignInController } from './auth/dev-sign-in.controller';
import { SignInMethodController } from './auth/sign-in-method.controller';
import { MeController } from './auth/me.controller';
import { CaseWorkHttpModule } from './case-work/case-work.http.module';
import { CasesController } from './cases/cases.controller';
import { CasesModule } from '@kp/cases';
import { SimulatedTimeController } from './dev/simulated-time.controller';
import { DeadlinesHttpModule } from './deadlines/deadlines.http.module';
import { DecisionsHttpModule } from './decisions/decisions.http.module';
import { DeliveryHttpModule } from './delivery/delivery.http.module';
import { HealthModule } from './health/health.module';
import { NotificationsHttpModule } from './notifications/notifications.http.module';
import { PreScreeningHttpModule } from './pre-screening/pre-screening.http.module';
import { ProblemTypesController } from './problems/problem-types.controller';
import { RecordsHttpModule } from './records/records.http.module';
import { RulesHttpModule } from './rules/rules.http.module';
import { StaffHttpModule } from './staff/staff.http.module';

export interface ApiOptions {
  /** Run the worker's jobs in this process (the embedded `npm start` and the e2e tests). */
  withWorker: boolean;
}

/**
 * The API process: the platform, the token guard, the controllers in folders that mirror libs/ (one
 * HTTP module per library), and the worker's jobs when they run in process.
 */
@Module({})
export class ApiModule {
  static register(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      controllers: [
        MeController,
        DevSignInController,
        SignInMethodController,
        CasesController,
        ProblemTypesController,
        // Moves business time and runs the sweeps in this process: only where the worker runs here.
        ...(options.withWorker ? [SimulatedTimeController] : []),
      ],
      imports: [
        ProcessIdentityModule.forRole(options.withWorker ? 'api+worker' : 'api'),
        PlatformModule,
        AuthModule,
        RateLimitModule,
        HealthModule,
        ApplicationsModule,
        // The case search (SearchCases) behind CasesController.
        CasesModule,
        ApplicationsHttpModule,
        CaseWorkHttpModule,
        DeadlinesHttpModule,
        DecisionsHttpModule,
        DeliveryModule,
        DeliveryHttpModule,
        RecordsHttpModule,
        RecordsModule,
        NotificationsHttpModule,
        AuditHttpModule,
        AttachmentsHttpModule,
        PreScreeningHttpModule,
        RulesHttpModule,
        StaffHttpModule,
        ...(options.withWorker ? [JobsModule] : []),
      ],
    };
  }
}
