import { ApplicationsModule } from '@kp/applications';
import { CasesModule } from '@kp/cases';
import { AuditModule } from '@kp/audit';
import { RulesModule } from '@kp/rules';
import { Module } from '@nestjs/common';
import { AddNote } from './add-note/add-note.usecase';
import { AnswerConsultation } from './answer-consultation/answer-consultation.usecase';
import { AssignCase } from './assign-case/assign-case.usecase';
import { ClaimCase } from './claim-case/claim-case.usecase';
import { DeclareConflicts } from './declare-conflicts/declare-conflicts.usecase';
import { GetWorkload } from './get-workload/get-workload.usecase';
import { NoteRepository } from './infrastructure/note.repository';
import { LapseConsultationsHandler } from './lapse-consultations/lapse-consultations.handler';
import { ListConflicts } from './list-conflicts/list-conflicts.usecase';
import { ListConsultations } from './list-consultations/list-consultations.usecase';
import { ListNotes } from './list-notes/list-notes.usecase';
import { ListQueue } from './list-queue/list-queue.usecase';
import { OpenLegalMatter } from './open-legal-matter/open-legal-matter.usecase';
import { ReleaseCase } from './release-case/release-case.usecase';
import { RequestConsultation } from './request-consultation/request-consultation.usecase';
import { ResolveLegalMatter } from './resolve-legal-matter/resolve-legal-matter.usecase';
import { RequestRescreen } from './request-rescreen/request-rescreen.usecase';

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
 * consultations, legal matters and notes, on the case kernel (@kp/cases). The consultation sweep's
 * handler is exported for the worker to schedule.
 */
@Module({
  imports: [AuditModule, ApplicationsModule, CasesModule, RulesModule],
  providers: [NoteRepository, LapseConsultationsHandler, ...useCases],
  exports: [...useCases, LapseConsultationsHandler, NoteRepository],
})
export class CaseWorkModule {}
