import { ApplicationsModule } from '@kp/applications';
import { AuditModule } from '@kp/audit';
import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { AddNote } from './add-note/add-note.usecase';
import { AnswerConsultation } from './answer-consultation/answer-consultation.usecase';
import { AssignCase } from './assign-case/assign-case.usecase';
import { ClaimCase } from './claim-case/claim-case.usecase';
import { ConflictCheck } from './conflicts/conflict-check';
import { DeclareConflicts } from './declare-conflicts/declare-conflicts.usecase';
import { GetWorkload } from './get-workload/get-workload.usecase';
import { CaseWorkRepository } from './infrastructure/case-work.repository';
import { QueueRepository } from './infrastructure/queue.repository';
import { StaffRepository } from './infrastructure/staff.repository';
import { LapseConsultationsHandler } from './lapse-consultations/lapse-consultations.handler';
import { LegalMatterGate } from './legal-matters/legal-matter-gate';
import { ListConflicts } from './list-conflicts/list-conflicts.usecase';
import { ListConsultations } from './list-consultations/list-consultations.usecase';
import { ListNotes } from './list-notes/list-notes.usecase';
import { ListQueue } from './list-queue/list-queue.usecase';
import { OpenLegalMatter } from './open-legal-matter/open-legal-matter.usecase';
import { ReleaseCase } from './release-case/release-case.usecase';
import { RequestConsultation } from './request-consultation/request-consultation.usecase';
import { ResolveLegalMatter } from './resolve-legal-matter/resolve-legal-matter.usecase';
import { ConsultationWait } from './work-on-case/consultation-wait';
import { RequestRescreen } from './request-rescreen/request-rescreen.usecase';
import { WorkOnCase } from './work-on-case/work-on-case';

const useCases = [
  ListQueue,
  GetWorkload,
  ClaimCase,
  ReleaseCase,
  AssignCase,
  DeclareConflicts,
  ListConflicts,
  RequestConsultation,
  ListConsultations,
  AnswerConsultation,
  OpenLegalMatter,
  ResolveLegalMatter,
  AddNote,
  ListNotes,
  RequestRescreen,
];

/**
 * Case work: queues, claiming and assignment, conflicts of interest, the workload view,
 * consultations, legal matters and notes. `ConflictCheck` and `LegalMatterGate` are exported for
 * the decision use cases; the consultation sweep's handler for the worker to schedule.
 */
@Module({
  imports: [AuditModule, ApplicationsModule, RulesModule],
  providers: [StaffRepository, QueueRepository, CaseWorkRepository, WorkOnCase, ConsultationWait, ConflictCheck, LegalMatterGate, LapseConsultationsHandler, ...useCases],
  exports: [...useCases, WorkOnCase, ConflictCheck, LegalMatterGate, LapseConsultationsHandler],
})
export class CaseWorkModule {}
