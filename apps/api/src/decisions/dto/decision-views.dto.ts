import { CASE_KINDS, CaseKind, Track } from '@kp/cases';
import { TRACKS } from '@kp/clock';
import { CaseDecisions, HEARING_CLOSED_REASONS, HearingClosedReason, PartyHearingView, decisionView, draftView, ExplainDecision, OUTCOMES, Outcome, PART_CHANGES, PartChange, PERMIT_CONDITION_CODES, PermitConditionCode, permitView, PublicDecisions, recommendationView } from '@kp/decisions';
import { LocalisedTextSchema } from '@kp/http';
import { APPEAL_KINDS, AppealKind, Requirement, TIME_LIMIT_UNITS, TimeLimitUnit, Verdict } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { unionValues } from '../../openapi/union-values';
import { FeeEstimateDto } from '../../applications/dto/fees.dto';
import { FindingDto, RequirementDto, RuleSetRefDto, VERDICTS } from '../../rules/dto/screening.dto';
import { ReconsiderationDto } from '../reconsideration.dto';

/** OpenAPI shapes of the decision answers (documentation only; the use cases return plain data). */

type DecisionView = ReturnType<typeof decisionView>;
type DraftView = ReturnType<typeof draftView>;
type RecommendationView = ReturnType<typeof recommendationView>;
type PermitView = ReturnType<typeof permitView>;

@ApiSchema({ name: 'PermitCondition', description: 'A standard condition of every permit (issue 10), as it read on the decision date, with the provision it rests on' })
export class PermitConditionDto {
  @ApiProperty({ enum: PERMIT_CONDITION_CODES, enumName: 'PermitConditionCode', example: 'PC-NO-REIDENTIFICATION' }) code!: PermitConditionCode;
  @ApiProperty({ description: 'false: informs of a duty the law of the decision date does not yet impose (e.g. EHDS art. 61(4) before 26 March 2029)' }) binding!: boolean;
  @ApiProperty({ type: LocalisedTextSchema }) text!: LocalisedTextSchema;
  @ApiProperty({ example: 'EHDS art. 61(3)', description: 'The provision or terms the condition rests on at the decision date' }) legalReference!: string;
  @ApiPropertyOptional({ type: LocalisedTextSchema, description: 'What changes later, e.g. the EHDS article that applies from 26 March 2029' }) note?: LocalisedTextSchema;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 5, description: 'The source’s small-cell rule: the fewest persons a result leaving the environment may rest on (anonymised-output condition only)' })
  minimumCellSize?: number | null;
}

@ApiSchema({ name: 'AppealTimeLimit', description: 'A time limit for an administrative appeal, counted from notification of the decision' })
export class AppealTimeLimitDto {
  @ApiProperty({ example: 4 }) amount!: number;
  @ApiProperty({ enum: TIME_LIMIT_UNITS, enumName: 'TimeLimitUnit' }) unit!: TimeLimitUnit;
}

@ApiSchema({
  name: 'AppealGuidance',
  description: 'Klagevejledning (forvaltningsloven § 25): whether another administrative body hears appeals, which and within what time; else that only the courts review the decision',
})
export class AppealGuidanceDto {
  @ApiProperty() da!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ enum: [...APPEAL_KINDS, 'unknown'], description: 'administrative: an appeal body exists; none: only the courts; unknown: the deciding authority has no entry (decisions from before, or an authority not yet described)' })
  kind!: AppealKind | 'unknown';
  @ApiProperty({ type: String, nullable: true, description: 'The appeal body (administrative only)' }) appealBody!: string | null;
  @ApiProperty({ type: AppealTimeLimitDto, nullable: true, description: 'null: no time limit set by law, or no administrative appeal' }) timeLimit!: AppealTimeLimitDto | null;
  @ApiPropertyOptional({ description: 'Staff and the deciding controller only: false while the route is not confirmed against the statute — check it before relying on it' }) verified?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff and the deciding controller only: what the route rests on' }) legalReference?: string | null;
}

@ApiSchema({ name: 'DecidedBy', description: 'Who decided: role and organisation; staff and auditors also see the person and who drafted it' })
export class DecidedByDto {
  @ApiProperty({ example: 'legal_approver' }) role!: string;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiPropertyOptional({ description: 'Staff and auditors only' }) sub?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff and auditors only' }) draftedBy?: string | null;
}

@ApiSchema({ name: 'Decision', description: 'A decision (afgørelse) on one sub-case: outcome, legal basis, reasoning, conditions and appeal guidance; immutable once issued' })
export class DecisionViewDto implements DecisionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: Track;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' }) outcome!: Outcome;
  @ApiProperty({ example: 'Ét kontaktpunkt' }) decidingAuthority!: string;
  @ApiProperty({ type: DecidedByDto }) decidedBy!: DecidedByDto;
  @ApiProperty() legalBasis!: string;
  @ApiProperty({ description: 'Begrundelse (forvaltningsloven §§ 22–24)' }) reasoning!: string;
  @ApiProperty({ type: [String], description: 'The decider’s own conditions' }) conditions!: string[];
  @ApiProperty({ type: [PermitConditionDto], description: 'The standard conditions of an approval under the law of the decision date; empty on a rejection and on decisions issued before they existed' })
  standardConditions!: PermitConditionDto[];
  @ApiProperty({ type: AppealGuidanceDto }) appealGuidance!: AppealGuidanceDto;
  @ApiProperty({ type: String, enum: VERDICTS, enumName: 'Verdict', nullable: true }) engineVerdict!: Verdict | null;
  @ApiProperty() departsFromEngine!: boolean;
  @ApiProperty({ type: String, nullable: true }) departureReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision this one corrects' }) supersedes!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision that corrected this one' }) supersededBy!: string | null;
  @ApiProperty({ description: 'Not superseded' }) current!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it must be in the public register at the latest (EHDS art. 57(1)(j))' }) publishBy!: string | null;
}

@ApiSchema({ name: 'DecisionDraft', description: 'A caseworker’s draft decision on a central sub-case; a different legal approver issues or returns it (four eyes)' })
export class DecisionDraftDto implements DraftView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' }) outcome!: Outcome;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() reasoning!: string;
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiProperty({ type: String, enum: VERDICTS, enumName: 'Verdict', nullable: true }) engineVerdict!: Verdict | null;
  @ApiProperty() departsFromEngine!: boolean;
  @ApiProperty({ type: String, nullable: true }) departureReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersedes!: string | null;
  @ApiProperty() draftedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) draftedAt!: string | null;
  @ApiProperty({ enum: unionValues<DraftView['state']>()('pending', 'issued', 'returned') }) state!: DraftView['state'];
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
}

@ApiSchema({ name: 'Recommendation', description: 'The contact point’s recommendation (indstilling) on a collaborative sub-case to its controller' })
export class RecommendationViewDto implements RecommendationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' }) outcome!: Outcome;
  @ApiProperty() reasoning!: string;
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiProperty({ type: String, enum: VERDICTS, enumName: 'Verdict', nullable: true }) engineVerdict!: Verdict | null;
  @ApiProperty() departsFromEngine!: boolean;
  @ApiProperty({ type: String, nullable: true }) departureReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recommendedAt!: string | null;
}

type ApprovedPart = PermitView['approvedParts'][number];

@ApiSchema({ name: 'ApprovedPart', description: 'A data request the permit covers, with the decision that approved it' })
export class ApprovedPartDto implements ApprovedPart {
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' }) outcome!: Outcome;
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiProperty({ type: [PermitConditionDto], description: 'The standard conditions the approving decision attached' }) standardConditions!: PermitConditionDto[];
  @ApiProperty({
    enum: PART_CHANGES,
    enumName: 'PermitPartChange',
    description: 'How the part came into this version: `granted` (first version), `data` (an amendment added the source or changed its data request), `terms` (the period, named researchers … changed; no new data), `carried` (unchanged from the previous version)',
  })
  change!: PartChange;
}

@ApiSchema({ name: 'PermitVersion', description: 'One version in a permit’s chain: the case that gave it and how long it ran' })
export class PermitVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2027-000002' }) caseNumber!: string;
  @ApiProperty({ enum: unionValues<PermitView['state']>()('active', 'expired', 'revoked', 'superseded') }) state!: PermitView['state'];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
}

@ApiSchema({ name: 'Permit', description: 'A data permit (dataudtrækstilladelse): approved parts, conditions, processing environment, validity and state' })
export class PermitDto implements PermitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DUT-2026-000042' }) number!: string;
  @ApiProperty({ example: 1, description: '1 for the permit an application gave; each amendment or extension gives the next version under the same number' }) version!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version this one replaced' }) previousVersionId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The case that gave this version (an amendment or extension case from version 2)' }) caseId!: string;
  @ApiProperty({ enum: unionValues<PermitView['state']>()('active', 'expired', 'revoked', 'superseded') }) state!: PermitView['state'];
  @ApiProperty({ type: [ApprovedPartDto] }) approvedParts!: ApprovedPartDto[];
  @ApiProperty({ type: [String], description: 'The deciders’ own conditions of every approved part' }) conditions!: string[];
  @ApiProperty({ type: [PermitConditionDto], description: 'The standard conditions of every approved part, once each: no unnamed third parties, no re-identification, publication, anonymised output only' })
  standardConditions!: PermitConditionDto[];
  @ApiProperty({ type: FeeEstimateDto, nullable: true, description: 'The final amount: what the holders charge for this version’s data, one line per holder, under the price rules of its date (null on permits issued before fees)' })
  fees!: FeeEstimateDto | null;
  @ApiProperty({ description: 'Where the data may be processed (EHDS art. 73: a secure processing environment)' }) processingEnvironment!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
  @ApiPropertyOptional({ type: [PermitVersionDto], description: '`GET /v1/permits/{id}`: every version of the permit, first to last' }) versions?: PermitVersionDto[];
}

@ApiSchema({ name: 'IssuedDecision', description: 'The decision, and the permit when the case became decided with approved parts (else null)' })
export class IssuedDecisionDto {
  @ApiProperty({ type: DecisionViewDto }) decision!: DecisionViewDto;
  @ApiProperty({ type: PermitDto, nullable: true }) permit!: PermitDto | null;
}

type CaseDecisionsView = Awaited<ReturnType<CaseDecisions['execute']>>;

@ApiSchema({ name: 'CaseDecisions', description: 'What you may see of a case’s decisions: staff also see drafts and recommendations, a controller its own sources’' })
@ApiSchema({
  name: 'PartyHearing',
  description: 'A hearing of the applicant before a refusal of one part (partshøring, forvaltningsloven § 19): held, with the draft grounds, deadline and answer; or dispensed with, for the recorded reason (§ 19, stk. 2)',
})
export class PartyHearingDto implements PartyHearingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['refusal', 'revocation'], description: '`refusal`: before refusing the part `subCaseId` (forvaltningsloven § 19); `revocation`: before revoking the permit `permitId` (EHDS art. 63)' })
  subject!: 'refusal' | 'revocation';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subCaseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) permitId!: string | null;
  @ApiProperty({ enum: ['held', 'dispensed'] }) kind!: 'held' | 'dispensed';
  @ApiProperty({ type: String, nullable: true, description: 'The grounds sent to the applicant (held)' }) draftGrounds!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The deadline to answer (held)' }) answerDueAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why no hearing was needed (dispensed)' }) dispensedReason!: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The applicant’s answer' }) answer!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the hearing was closed unanswered; nobody waits for an answer after it' }) closedAt!: string | null;
  @ApiProperty({ type: String, enum: HEARING_CLOSED_REASONS, nullable: true, description: '`application_withdrawn`: the applicant withdrew the application while the hearing was open' }) closedReason!: HearingClosedReason | null;
}

export class CaseDecisionsDto implements CaseDecisionsView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) caseNumber!: string;
  @ApiProperty({ type: [DecisionViewDto] }) decisions!: DecisionViewDto[];
  @ApiProperty({ type: [PermitDto], description: 'Empty for a controller' }) permits!: PermitDto[];
  @ApiPropertyOptional({ type: [DecisionDraftDto], description: 'Staff and auditors only' }) drafts!: DecisionDraftDto[] | undefined;
  @ApiPropertyOptional({ type: [RecommendationViewDto], description: 'Staff, auditors and the controller only' }) recommendations!: RecommendationViewDto[] | undefined;
  @ApiProperty({ type: [ReconsiderationDto], description: 'Appeals against its decisions and requests to reopen it, with where each stands, of the parts you may see' })
  reconsiderations!: ReconsiderationDto[];
  @ApiProperty({ type: [PartyHearingDto], description: 'Hearings of the applicant before a refusal, or why none was held, of the parts you may see; hearings of the permit holder before a revocation, or why the revocation could not wait (not shown to controllers)' }) hearings!: PartyHearingDto[];
}

type Explanation = Awaited<ReturnType<ExplainDecision['execute']>>;

@ApiSchema({ name: 'ScreeningReplay', description: 'The stored screening replayed with the stored rule-set versions on its own law date' })
export class ScreeningReplayDto {
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' }) verdict!: Verdict;
  @ApiProperty({ type: [String] }) findingCodes!: string[];
  @ApiProperty({ type: [RuleSetRefDto] }) ruleSets!: RuleSetRefDto[];
  @ApiProperty() reproducesVerdict!: boolean;
  @ApiProperty() reproducesFindings!: boolean;
}

@ApiSchema({ name: 'DecisionExplanation', description: 'Why a decision came out as it did: the facts, rule-set versions and hashes, findings, the decider and their reasoning, and a replay' })
export class DecisionExplanationDto implements Explanation {
  @ApiProperty({ type: DecisionViewDto }) decision!: DecisionViewDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts the rules were evaluated on, by name' }) facts!: Record<string, unknown>;
  @ApiProperty({ type: [RuleSetRefDto] }) ruleSets!: RuleSetRefDto[];
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ type: [RequirementDto] }) requirements!: Requirement[];
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' }) engineVerdict!: Verdict;
  @ApiProperty({ format: 'date' }) lawDate!: string;
  @ApiProperty({ format: 'date-time' }) screenedAt!: string;
  @ApiProperty({ type: ScreeningReplayDto }) replay!: ScreeningReplayDto;
}

type PublicDecisionPage = Awaited<ReturnType<PublicDecisions['execute']>>;

@ApiSchema({ name: 'PublicDataSource', description: 'A data source by id and name' })
export class PublicDecisionDataSourceDto {
  @ApiProperty({ example: 'lpr' }) id!: string;
  @ApiProperty({ example: 'Landspatientregisteret' }) name!: string;
}

@ApiSchema({ name: 'PublicPermitVersion', description: 'One version of a permit in the public register' })
export class PublicPermitVersionDto {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'EK-2026-000123' }) caseNumber!: string;
  @ApiProperty({ enum: CASE_KINDS, enumName: 'CaseKind' }) kind!: CaseKind;
  @ApiProperty({ enum: ['active', 'expired', 'revoked', 'superseded'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}

@ApiSchema({ name: 'PublicPermit', description: 'The permit an approving decision is part of' })
export class PublicPermitDto {
  @ApiProperty({ example: 'DUT-2026-000042' }) number!: string;
  @ApiProperty({ example: 1, description: 'The version the decision is part of now' }) version!: number;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) validUntil!: string;
  @ApiProperty({ type: [PublicPermitVersionDto], description: 'Every version of the permit, first to last, with the case (application, amendment, extension) that gave it' }) versions!: PublicPermitVersionDto[];
}

@ApiSchema({ name: 'PublicDecision', description: 'An issued decision as the public register shows it: no personal data' })
export class PublicDecisionDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) caseNumber!: string;
  @ApiProperty({ enum: CASE_KINDS, enumName: 'CaseKind', description: 'An application, or an amendment or extension of a permit' }) caseKind!: CaseKind;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) applicantOrganisation!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'EHDS art. 53(1) category' }) purposeCategory!: string | null;
  @ApiProperty({ type: PublicDecisionDataSourceDto }) dataSource!: PublicDecisionDataSourceDto;
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: Track;
  @ApiProperty() decidingAuthority!: string;
  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' }) outcome!: Outcome;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() reasoning!: string;
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersedes!: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Publication deadline: 30 working days after the decision' }) publishBy!: string;
  @ApiProperty({ type: PublicPermitDto, nullable: true }) permit!: PublicPermitDto | null;
}

@ApiSchema({ name: 'PublicDecisionPage', description: 'Issued decisions and permits, newest first' })
export class PublicDecisionPageDto implements PublicDecisionPage {
  @ApiProperty({ type: [PublicDecisionDto] }) items!: PublicDecisionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
}
