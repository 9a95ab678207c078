import { AuditModule } from '@kp/audit';
import { MetricsModule } from '@kp/metrics';
import { Module } from '@nestjs/common';
import { CaseMetrics } from './metrics/case-metrics';
import { CaseClockService } from './clock/case-clock.service';
import { ConflictCheck } from './conflicts/conflict-check';
import { CaseFileRepository } from './infrastructure/case-file.repository';
import { CaseOpeningRepository } from './infrastructure/case-opening.repository';
import { CaseQueueRepository } from './infrastructure/case-queue.repository';
import { ClockEventRepository } from './infrastructure/clock-event.repository';
import { ClockUnsweptRepository } from './infrastructure/clock-unswept.repository';
import { ConsultationRepository } from './infrastructure/consultation.repository';
import { LegalMatterRepository } from './infrastructure/legal-matter.repository';
import { ScreeningRepository } from './infrastructure/screening.repository';
import { StaffRepository } from './infrastructure/staff.repository';
import { TeamMemberRepository } from './infrastructure/team-member.repository';
import { SubCaseRepository } from './infrastructure/sub-case.repository';
import { CaseHooks } from './transition/case-hooks';
import { CaseTransitions } from './transition/case-transitions';
import { LegalMatterGate } from './work-on-case/legal-matter-gate';
import { RecordScreening } from './record-screening/record-screening';
import { WorkOnCase } from './work-on-case/work-on-case';
import { AddStaffMember } from './staff-directory/add-staff-member.usecase';
import { ListStaff } from './staff-directory/list-staff.usecase';
import { SearchCases } from './search-cases/search-cases.usecase';
import { MarkAbsence } from './absence/mark-absence.usecase';
import { ReassignCases } from './absence/reassign-cases.usecase';
import { RecordSignIn } from './staff-directory/record-sign-in';
import { UpdateStaffMember } from './staff-directory/update-staff-member.usecase';
import { WaitingPeriodRepository } from './infrastructure/waiting-period.repository';
import { CaseFacts } from './next-steps/case-facts';
import { CaseOutlook } from './next-steps/case-outlook';
import { WaitingLedger } from './next-steps/waiting-ledger';

const repositories = [
  CaseFileRepository,
  CaseOpeningRepository,
  SubCaseRepository,
  ClockEventRepository,
  ClockUnsweptRepository,
  ScreeningRepository,
  ConsultationRepository,
  LegalMatterRepository,
  StaffRepository,
  TeamMemberRepository,
  CaseQueueRepository,
  WaitingPeriodRepository,
];
const services = [WorkOnCase, ConflictCheck, LegalMatterGate, CaseClockService, CaseTransitions, CaseHooks, RecordScreening, RecordSignIn, ListStaff, AddStaffMember, UpdateStaffMember, CaseFacts, WaitingLedger, CaseOutlook, SearchCases, MarkAbsence, ReassignCases];

/**
 * The case kernel: the only library that reads or writes the case tables (case_file, sub_case,
 * clock_event, screening, consultation, legal_matter, staff_member, declared_conflict, waiting_period). Other
 * libraries call its repositories and move state only through {@link CaseTransitions}.
 */
@Module({
  imports: [AuditModule, MetricsModule],
  providers: [...repositories, ...services, CaseMetrics],
  exports: [...repositories, ...services],
})
export class CasesModule {}
