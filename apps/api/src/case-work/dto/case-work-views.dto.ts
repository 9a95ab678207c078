import { CASE_STATES, CONSULTATION_STATES, ConsultationState, QUEUES, QueueName, SUB_CASE_STATES } from '@kp/cases';
import { AssignmentView, ConflictsView, ConsultationView, ListConsultations, NOTE_VISIBILITIES, NoteView, NoteVisibility, QueuePage, RequestRescreen, Workload } from '@kp/case-work';
import { TRACKS } from '@kp/clock';
import { LocalisedTextSchema } from '@kp/http';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { OrganisationRefDto } from '../../cases/dto/case-view.dto';
import { unionValues } from '../../openapi/union-values';
import { RuleSetRefDto } from '../../rules/dto/screening.dto';
import type { LegalMatterView } from '@kp/case-work';

/** OpenAPI shapes of the case-work answers (documentation only; the use cases return plain data). */

@ApiSchema({ name: 'Assignment', description: 'Who holds the case after a claim, release or assignment; `version` is the case’s new ETag' })
export class AssignmentDto implements AssignmentView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: AssignmentView['state'];
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Subject of the holder; null when back in its queue' }) assignee!: string | null;
}

type Rescreen = Awaited<ReturnType<RequestRescreen['execute']>>;

@ApiSchema({ name: 'RescreenQueued', description: 'A re-screening queued under the rule-set versions now in force' })
export class RescreenQueuedDto implements Rescreen {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ description: 'The case’s new version (its ETag)' }) version!: number;
  @ApiProperty({ type: [RuleSetRefDto] }) ruleSets!: RuleSetRefDto[];
}

type DeclaredConflictView = ConflictsView['organisations'][number];

@ApiSchema({ name: 'DeclaredConflict', description: 'An organisation you declared a conflict of interest in (forvaltningsloven § 3)' })
export class DeclaredConflictViewDto implements DeclaredConflictView {
  @ApiProperty({ example: '31119103' }) cvr!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) declaredAt!: string | null;
}

@ApiSchema({ name: 'Conflicts', description: 'Your declared conflicts of interest' })
export class ConflictsViewDto implements ConflictsView {
  @ApiProperty({ type: [DeclaredConflictViewDto] }) organisations!: DeclaredConflictViewDto[];
}

@ApiSchema({ name: 'ConsultationCase', description: 'The case a consultation is about' })
export class ConsultationCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: string;
}

@ApiSchema({ name: 'Consultation', description: 'A question to a region’s advisors, and its answer' })
export class ConsultationDto implements ConsultationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ConsultationCaseDto }) case!: ConsultationCaseDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subCaseId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'lpr' }) dataSourceId!: string | null;
  @ApiProperty({ example: 'region-midtjylland' }) advisorRegion!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ description: 'As stored: a rule-opened question holds its Danish and English texts on two lines; read `questionText`' }) question!: string;
  @ApiProperty({ type: LocalisedTextSchema, description: 'The question in Danish and in English: the rule set’s own texts for a rule-opened consultation, the text as written (in both) for a caseworker’s' })
  questionText!: LocalisedTextSchema;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: CONSULTATION_STATES, enumName: 'ConsultationState' }) state!: ConsultationState;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Subject of the advisor who answered' }) answeredBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lapsedAt!: string | null;
  @ApiProperty({ enum: unionValues<ConsultationView['origin']>()('rule', 'caseworker') }) origin!: ConsultationView['origin'];
  @ApiProperty({ description: 'Subject of the caseworker, or `system` for one the rules required' }) requestedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) requestedAt!: string | null;
}

type ConsultationPage = Awaited<ReturnType<ListConsultations['execute']>>;

@ApiSchema({ name: 'ConsultationPage', description: 'One page of consultations, soonest deadline first' })
export class ConsultationPageDto implements ConsultationPage {
  @ApiProperty({ type: [ConsultationDto] }) items!: ConsultationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

@ApiSchema({ name: 'LegalMatter', description: 'A legal matter on a sub-case, with the case’s new version (the ETag and If-Match of the next command)' })
export class LegalMatterDto implements LegalMatterWithCaseVersion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ example: 'controller_roles' }) kind!: string;
  @ApiProperty({ example: 'MANUAL-CONTROLLER-ROLES-1' }) code!: string;
  @ApiProperty({ type: LocalisedTextSchema }) description!: LocalisedTextSchema;
  @ApiProperty({ type: String, nullable: true }) legalReference!: string | null;
  @ApiProperty() blocking!: boolean;
  @ApiProperty({ enum: unionValues<LegalMatterView['state']>()('open', 'resolved') }) state!: LegalMatterView['state'];
  @ApiProperty({ type: String, nullable: true }) documentReference!: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ description: 'The case’s version after the command' }) caseVersion!: number;
}

@ApiSchema({ name: 'NoteAuthor', description: 'Who wrote a note: the applicant sees the role only' })
export class NoteAuthorDto {
  @ApiPropertyOptional({ description: 'Staff only' }) sub?: string;
  @ApiProperty({ example: 'caseworker' }) role!: string;
}

@ApiSchema({ name: 'Note', description: 'A note on a case: internal (contact point only) or to the applicant' })
export class NoteDto implements NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: NOTE_VISIBILITIES }) visibility!: NoteVisibility;
  @ApiProperty() text!: string;
  @ApiProperty({ type: NoteAuthorDto }) author!: NoteAuthorDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt!: string | null;
}

@ApiSchema({ name: 'NoteList', description: 'The notes of a case you may read, oldest first' })
export class NoteListDto {
  @ApiProperty({ type: [NoteDto] }) items!: NoteDto[];
}

type LegalMatterWithCaseVersion = LegalMatterView & { caseVersion: number };

type QueueItem = QueuePage['items'][number];
type QueueSubCase = QueueItem['subCases'][number];

@ApiSchema({ name: 'QueueSubCase', description: 'A sub-case as a queue lists it' })
export class QueueSubCaseDto implements QueueSubCase {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ example: 'Landspatientregisteret' }) dataSourceName!: string;
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: string;
  @ApiProperty({ enum: SUB_CASE_STATES, enumName: 'SubCaseState' }) state!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The draft decision waiting for a legal approver: issue or return it at /v1/decision-drafts/{id}' })
  pendingDraftId!: string | null;
}

@ApiSchema({ name: 'QueueStep', description: 'A command about the whole case that the queue row offers' })
export class QueueStepDto {
  @ApiProperty({ enum: ['claim'], description: '`POST /v1/cases/{id}/claim`' }) command!: 'claim';
}

@ApiSchema({ name: 'QueueItem', description: 'A case in a work queue, with its clock figures and open consultations and legal matters' })
export class QueueItemDto implements QueueItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: string;
  @ApiProperty({ type: OrganisationRefDto }) applicant!: OrganisationRefDto;
  @ApiProperty({ type: [QueueSubCaseDto] }) subCases!: QueueSubCaseDto[];
  @ApiProperty({ type: String, nullable: true }) assignee!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Danish working days left; null without a due date' }) daysLeft!: number | null;
  @ApiProperty() atRisk!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() clockPaused!: boolean;
  @ApiProperty() openConsultations!: number;
  @ApiProperty() openLegalMatters!: number;
  @ApiProperty({ type: [QueueStepDto], description: 'What you may do from the queue row now: `claim` when nobody holds the case, its state lets your role claim it and you declared no conflict in the applicant organisation' })
  nextSteps!: QueueStepDto[];
}

@ApiSchema({ name: 'QueuePage', description: 'One page of a work queue, soonest due first' })
export class QueuePageDto implements QueuePage {
  @ApiProperty({ enum: QUEUES }) queue!: QueueName;
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}

@ApiSchema({ name: 'WorkloadTotals', description: 'Open cases in all' })
export class WorkloadTotalsDto {
  @ApiProperty() open!: number;
  @ApiProperty() atRisk!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() unassigned!: number;
}

@ApiSchema({ name: 'WorkloadByAssignee', description: 'Open cases of one assignee (null: unassigned)' })
export class WorkloadByAssigneeDto {
  @ApiProperty({ type: String, nullable: true }) assignee!: string | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() open!: number;
  @ApiProperty() atRisk!: number;
  @ApiProperty() overdue!: number;
}

@ApiSchema({ name: 'WorkloadByQueue', description: 'Open cases of one shared queue' })
export class WorkloadByQueueDto extends WorkloadTotalsDto {
  @ApiProperty({ enum: QUEUES }) queue!: QueueName;
}

@ApiSchema({ name: 'Workload', description: 'Where the open work is, per assignee and per shared queue' })
export class WorkloadDto implements Workload {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: WorkloadTotalsDto }) totals!: WorkloadTotalsDto;
  @ApiProperty({ type: [WorkloadByAssigneeDto] }) byAssignee!: WorkloadByAssigneeDto[];
  @ApiProperty({ type: [WorkloadByQueueDto] }) byQueue!: WorkloadByQueueDto[];
}
