import { ApplicationsModule } from '@kp/applications';
import { AuditModule } from '@kp/audit';
import { CasesModule } from '@kp/cases';
import { NotificationsModule } from '@kp/notifications';
import { Module } from '@nestjs/common';
import { SupplementFacts } from './case-facts/supplement-facts';
import { ExtendClock } from './extend-clock/extend-clock.usecase';
import { DeadlineWatchRepository } from './infrastructure/deadline-watch.repository';
import { SupplementRequestRepository } from './infrastructure/supplement-request.repository';
import { ListSupplementRequests } from './list-supplement-requests/list-supplement-requests.usecase';
import { RequestSupplement } from './request-supplement/request-supplement.usecase';
import { ResubmitApplication } from './resubmit-application/resubmit-application.usecase';
import { OverdueSupplementNotices } from './sweep-deadlines/overdue-supplements';
import { SweepDeadlines } from './sweep-deadlines/sweep-deadlines.usecase';

const useCases = [RequestSupplement, ListSupplementRequests, ResubmitApplication, ExtendClock, SweepDeadlines];

/**
 * The statutory clock at work (EHDS art. 68(4)): requests for supplement and resubmission (the clock
 * stops and runs again), extensions, and the deadline sweep. The scheduled job is wired by
 * {@link DeadlineJobsModule}, imported by the worker only.
 */
@Module({
  imports: [ApplicationsModule, CasesModule, AuditModule, NotificationsModule],
  providers: [SupplementRequestRepository, DeadlineWatchRepository, OverdueSupplementNotices, SupplementFacts, ...useCases],
  exports: [...useCases, SupplementRequestRepository],
})
export class DeadlinesModule {}
