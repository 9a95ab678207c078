import { CaseView } from '@kp/applications';
import { CASE_KINDS, CaseKind, CASE_STATES, CaseState, Command, COMMANDS, CONSULTATION_STATES, ConsultationState, DEADLINE_KINDS, PARTY_ROLES, PartyRole, DeadlineKind, SUB_CASE_STATES, SubCaseState, Track, WAITING_ROLES, WaitingRole } from '@kp/cases';
import { TRACKS } from '@kp/clock';
import { LocalisedTextSchema } from '@kp/http';
import { Requirement, Verdict } from '@kp/rules';
import { OUTCOMES } from '@kp/decisions';
import { ORDER_KINDS, ORDER_STATUSES, OrderKind, OrderStatus, OrderSummary } from '@kp/delivery';
import { OrganisationRefDto as DeliveryHolderDto } from '../../delivery/delivery-order.dto';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { FindingDto, RequirementDto, RuleSetRefDto, VERDICTS } from '../../rules/dto/screening.dto';
import { unionValues } from '../../openapi/union-values';
import { ClockDto } from './clock.dto';
import { PermitChangeRefDto } from '../../applications/dto/application-view.dto';

/** OpenAPI shape of a case as GetCase answers it (documentation only; the use case returns plain data). */

type SubCaseView = CaseView['subCases'][number];
type ScreeningView = NonNullable<SubCaseView['screening']>;
type CaseConsultationView = NonNullable<CaseView['consultations']>[number];
type CaseLegalMatterView = CaseView['legalMatters'][number];
type NextStepView = CaseView['nextSteps'][number];
type WaitingForView = CaseView['waitingFor'][number];
type CaseSupplementRequestView = NonNullable<CaseView['supplementRequests']>[number];
type PendingDraftView = NonNullable<CaseView['pendingDrafts']>[number];
type OpenReconsiderationView = CaseView['openReconsiderations'][number];

@ApiSchema({ name: 'OrganisationRef', description: 'An organisation by name and CVR number' })
export class OrganisationRefDto {
  @ApiProperty({ type: String, nullable: true, example: 'Aarhus Universitet' }) organisation!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '31119103' }) cvr!: string | null;
}

@ApiSchema({ name: 'Controller', description: 'The data controller (dataansvarlig) of a source' })
export class ControllerDto {
  @ApiProperty({ example: 'Sundhedsdatastyrelsen' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '33257872' }) cvr!: string | null;
}

@ApiSchema({ name: 'Screening', description: 'The latest screening of a sub-case by the rule sets in force on its law date' })
export class ScreeningDto implements ScreeningView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at!: string | null;
  @ApiProperty({ format: 'date', description: 'The date whose law the screening applied' }) lawDate!: string;
  @ApiProperty({ example: 'submitted', description: 'Why it was screened (submitted, resubmitted, rescreen_requested, law_changed …)' }) reason!: string;
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' }) verdict!: Verdict;
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ type: [RequirementDto] }) requirements!: Requirement[];
  @ApiProperty({ type: [RuleSetRefDto] }) ruleSets!: RuleSetRefDto[];
}

@ApiSchema({
  name: 'NextStep',
  description:
    'A command you may send now, with the object it is about. It passed the lifecycle table and the checks the command makes on the case (who holds it, four eyes, a pending draft, open blocking legal matters, the track, the statutory clock, impartiality); the content of your request is still checked when you send it.',
})
export class NextStepDto implements NextStepView {
  @ApiProperty({ enum: COMMANDS, enumName: 'Command', example: 'issue_decision' }) command!: Command;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The part the command is about (null: the whole case)' }) subCaseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision draft to issue or return (`POST /v1/decision-drafts/{id}/issue|return`)' }) draftId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The consultation to answer (`POST /v1/consultations/{id}/answer`)' }) consultationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The legal matter to resolve' }) legalMatterId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The permit to revoke' }) permitId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The hearing to answer, before a refusal or a revocation (`POST /v1/hearings/{id}/answer`)' }) hearingId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The appeal to forward after reconsidering it (`POST /v1/appeals/{id}/forward`)' }) appealId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The request to reopen the case to grant or refuse (`POST /v1/reopening-requests/{id}/decision`)' }) reopeningRequestId!: string | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'controller_decide only: the open blocking legal matters an approval waits for; until they are resolved only a rejection is accepted',
  })
  approvalBlockedBy!: string[] | null;
}

@ApiSchema({
  name: 'WaitingFor',
  description: 'A party the case waits on now, since when, and the deadline that applies (EHDS art. 68(4) decision clock, a consultation deadline, or the applicant’s deadline to complete the application)',
})
export class WaitingForDto implements WaitingForView {
  @ApiProperty({ example: 'advisor:region-midtjylland', description: '`applicant`, `caseworker`, `advisor:<region>`, `legal_approver` or `controller:<organisation CVR>`' }) party!: string;
  @ApiProperty({ enum: WAITING_ROLES, enumName: 'WaitingRole' }) role!: WaitingRole;
  @ApiProperty({ type: [String], description: 'The sub-cases that wait on this party' }) subCaseIds!: string[];
  @ApiProperty({ format: 'date-time', description: 'Business time the wait began' }) since!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the party’s answer is due (null: no deadline runs)' }) deadline!: string | null;
  @ApiProperty({ type: String, enum: DEADLINE_KINDS, enumName: 'DeadlineKind', nullable: true }) deadlineKind!: DeadlineKind | null;
}

@ApiSchema({ name: 'CaseSupplementRequest', description: 'A request for supplement the applicant has yet to answer (EHDS art. 68(4))' })
export class CaseSupplementRequestDto implements CaseSupplementRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subCaseId!: string | null;
  @ApiProperty({ type: [String] }) questions!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) requestedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answerDueAt!: string | null;
}

@ApiSchema({ name: 'PendingDraft', description: 'A draft decision waiting for a legal approver who did not draft it (four eyes)' })
export class PendingDraftDto implements PendingDraftView {
  @ApiProperty({ format: 'uuid', description: 'Issue or return it at /v1/decision-drafts/{id}' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' }) outcome!: string;
  @ApiProperty({ example: 'cw-1' }) draftedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) draftedAt!: string | null;
}

@ApiSchema({ name: 'OpenReconsideration', description: 'An appeal the authority is reconsidering, or a request to reopen not yet closed; the whole record is in GET /v1/cases/{id}/decisions' })
export class OpenReconsiderationDto implements OpenReconsiderationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['appeal', 'reopening'] }) kind!: 'appeal' | 'reopening';
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ enum: ['reconsidering', 'requested', 'reopened'] }) state!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The end of the time the authority gives itself to reconsider' }) reconsiderBy!: string | null;
  @ApiProperty({ description: 'On a collaborative part: waits for the controller whose decision it is to change it (a new decision) or, on appeal, maintain it' }) awaitingController!: boolean;
  @ApiProperty({ description: 'Past `reconsiderBy` and still awaiting the authority’s answer: an appeal still reconsidered, a request to reopen not yet granted or refused (staff were told once)' }) overdue!: boolean;
}

@ApiSchema({ name: 'SubCase', description: 'One data request’s part of the case, with the track and deciding authority in force at submission' })
export class SubCaseDto implements SubCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ example: 'Landspatientregisteret' }) dataSourceName!: string;
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: Track;
  @ApiProperty({ example: 'Ét kontaktpunkt' }) decidingAuthority!: string;
  @ApiProperty({ type: ControllerDto }) controller!: ControllerDto;
  @ApiProperty({ type: String, nullable: true, example: 'region-midtjylland' }) advisorRegion!: string | null;
  @ApiProperty({ enum: SUB_CASE_STATES, enumName: 'SubCaseState' }) state!: SubCaseState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  // null when the sub-case has no clock (yet): the view looks it up by id with `?? null`, which its type does not show.
  @ApiProperty({ type: ClockDto, nullable: true }) clock!: ClockDto;
  @ApiProperty({ type: ScreeningDto, nullable: true, description: 'null until the worker has screened it' }) screening!: ScreeningDto | null;
  @ApiProperty({ type: [NextStepDto], description: 'The commands you may send now about this part' }) nextSteps!: NextStepDto[];
  @ApiProperty({ type: [WaitingForDto], description: 'Whom this part waits on now (the applicant is not shown advisors)' }) waitingFor!: WaitingForDto[];
}

@ApiSchema({ name: 'CaseConsultation', description: 'A consultation on the case, as the case shows it to staff' })
export class CaseConsultationDto implements CaseConsultationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subCaseId!: string | null;
  @ApiProperty({ example: 'region-midtjylland' }) advisorRegion!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ description: 'As stored: a rule-opened question holds its Danish and English texts on two lines; read `questionText`' }) question!: string;
  @ApiProperty({ type: LocalisedTextSchema, description: 'The question in Danish and in English: the rule set’s own texts for a rule-opened consultation, the text as written (in both) for a caseworker’s' })
  questionText!: LocalisedTextSchema;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: CONSULTATION_STATES, enumName: 'ConsultationState' }) state!: ConsultationState;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lapsedAt!: string | null;
  @ApiProperty({ enum: unionValues<CaseConsultationView['origin']>()('rule', 'caseworker') }) origin!: CaseConsultationView['origin'];
}

@ApiSchema({ name: 'CaseLegalMatter', description: 'A legal matter a decision on a sub-case depends on' })
export class CaseLegalMatterDto implements CaseLegalMatterView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ example: 'datatilsynet_permission' }) kind!: string;
  @ApiProperty({ example: 'MANUAL-CONTROLLER-ROLES-1' }) code!: string;
  @ApiProperty({ type: LocalisedTextSchema }) description!: LocalisedTextSchema;
  @ApiProperty({ type: String, nullable: true }) legalReference!: string | null;
  @ApiProperty({ description: 'Whether an approval of the sub-case waits for it' }) blocking!: boolean;
  @ApiProperty({ enum: unionValues<CaseLegalMatterView['state']>()('open', 'resolved') }) state!: CaseLegalMatterView['state'];
  @ApiProperty({ type: String, nullable: true }) documentReference!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
}

@ApiSchema({ name: 'CaseDeliveryOrder', description: 'A delivery or stop order as the case shows it: to which holder, for which environment and sources, and where it stands' })
export class CaseDeliveryOrderDto implements OrderSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORDER_KINDS, enumName: 'OrderKind' }) kind!: OrderKind;
  @ApiProperty({ example: 'DUT-2027-000001' }) permitNumber!: string;
  @ApiProperty({ type: DeliveryHolderDto }) holder!: DeliveryHolderDto;
  @ApiProperty({ example: 'sds_research_machine', description: 'The analysis environment the data go to' }) environment!: string;
  @ApiProperty({ type: [String], example: ['lpr'] }) sources!: string[];
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' }) status!: OrderStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was rejected or cancelled' }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) orderedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The holder’s service level (Danish working days)' }) dueAt!: string | null;
  @ApiProperty({ description: 'Still open after dueAt' }) overdue!: boolean;
}

@ApiSchema({ name: 'Case', description: 'A case (sag) as you may see it: a controller sees only its own sources’ sub-cases; the applicant sees no consultations and no assignee' })
export class CaseDto implements CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ enum: CASE_KINDS, enumName: 'CaseKind', description: '`application`; `amendment` (only the change is handled) or `extension` (a longer period, no new data) of the permit in `amends`' }) kind!: CaseKind;
  @ApiProperty({ type: PermitChangeRefDto, nullable: true, description: 'The permit version an amendment or extension changes' }) amends!: PermitChangeRefDto | null;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: CaseState;
  @ApiProperty({ description: 'The case version: its ETag, and the If-Match of the next command' }) version!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: OrganisationRefDto }) applicant!: OrganisationRefDto;
  @ApiProperty({
    type: String,
    enum: PARTY_ROLES,
    enumName: 'PartyRole',
    nullable: true,
    description: 'A researcher: whether you are the applicant (you act on the case) or a member of its team, `co_applicant` or `named_researcher` (shared with you: you read it, only the applicant acts); null for staff and everyone else',
  })
  myRole!: PartyRole | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: who holds the case (null: in its queue)' }) assignee!: string | null | undefined;
  @ApiProperty({ type: [NextStepDto], description: 'The commands you may send now about the whole case; those about one part are on its sub-case' }) nextSteps!: NextStepDto[];
  @ApiProperty({ type: [WaitingForDto], description: 'Whom the case waits on now: each party once, with the parts that wait on it' }) waitingFor!: WaitingForDto[];
  @ApiProperty({ type: ClockDto, nullable: true, description: 'The clock of the open sub-case due first' }) clock!: ClockDto | null;
  @ApiProperty({ type: [SubCaseDto] }) subCases!: SubCaseDto[];
  @ApiPropertyOptional({ type: [CaseConsultationDto], description: 'Staff only (an advisor sees their region’s)' }) consultations!: CaseConsultationDto[] | undefined;
  @ApiProperty({ type: [CaseLegalMatterDto] }) legalMatters!: CaseLegalMatterDto[];
  @ApiPropertyOptional({ type: [CaseSupplementRequestDto], description: 'The applicant, staff and auditors: requests for supplement not yet answered' }) supplementRequests!: CaseSupplementRequestDto[] | undefined;
  @ApiPropertyOptional({ type: [PendingDraftDto], description: 'Staff and auditors: draft decisions waiting for a legal approver' }) pendingDrafts!: PendingDraftDto[] | undefined;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'KP-EK-2026-000123',
    description: 'The case’s journal number in the authority’s records system (offentlighedsloven § 15); null for the moments until the journal job has run',
  })
  journalNumber?: string | null;
  @ApiProperty({ type: [OpenReconsiderationDto], description: 'Appeals being reconsidered and requests to reopen still open, on the parts you may see' }) openReconsiderations!: OpenReconsiderationDto[];
  @ApiPropertyOptional({
    type: [CaseDeliveryOrderDto],
    description: 'The applicant, contact-point staff and auditors: each delivery and stop order the permit set going, with its status (none before a permit)',
  })
  deliveryOrders?: CaseDeliveryOrderDto[];
}
