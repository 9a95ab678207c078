import { Track } from '@kp/cases';
import { TRACKS } from '@kp/clock';
import { CaseDecisions, decisionView, draftView, ExplainDecision, OUTCOMES, Outcome, permitView, PublicDecisions, recommendationView } from '@kp/decisions';
import { LocalisedTextSchema } from '@kp/http';
import { Requirement, Verdict } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { unionValues } from '../../openapi/union-values';
import { FindingDto, RequirementDto, RuleSetRefDto, VERDICTS } from '../../rules/dto/screening.dto';

/** OpenAPI shapes of the decision answers (documentation only; the use cases return plain data). */

type DecisionView = ReturnType<typeof decisionView>;
type DraftView = ReturnType<typeof draftView>;
type RecommendationView = ReturnType<typeof recommendationView>;
type PermitView = ReturnType<typeof permitView>;

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
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiProperty({ type: LocalisedTextSchema, description: 'Klagevejledning (forvaltningsloven § 25)' }) appealGuidance!: LocalisedTextSchema;
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
}

@ApiSchema({ name: 'Permit', description: 'A data permit (dataudtrækstilladelse): approved parts, conditions, processing environment, validity and state' })
export class PermitDto implements PermitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DUT-2026-000042' }) number!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: unionValues<PermitView['state']>()('active', 'expired', 'revoked', 'superseded') }) state!: PermitView['state'];
  @ApiProperty({ type: [ApprovedPartDto] }) approvedParts!: ApprovedPartDto[];
  @ApiProperty({ type: [String] }) conditions!: string[];
  @ApiProperty({ description: 'Where the data may be processed (EHDS art. 73: a secure processing environment)' }) processingEnvironment!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason!: string | null;
}

@ApiSchema({ name: 'IssuedDecision', description: 'The decision, and the permit when the case became decided with approved parts (else null)' })
export class IssuedDecisionDto {
  @ApiProperty({ type: DecisionViewDto }) decision!: DecisionViewDto;
  @ApiProperty({ type: PermitDto, nullable: true }) permit!: PermitDto | null;
}

type CaseDecisionsView = Awaited<ReturnType<CaseDecisions['execute']>>;

@ApiSchema({ name: 'CaseDecisions', description: 'What you may see of a case’s decisions: staff also see drafts and recommendations, a controller its own sources’' })
export class CaseDecisionsDto implements CaseDecisionsView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) caseNumber!: string;
  @ApiProperty({ type: [DecisionViewDto] }) decisions!: DecisionViewDto[];
  @ApiProperty({ type: [PermitDto], description: 'Empty for a controller' }) permits!: PermitDto[];
  @ApiPropertyOptional({ type: [DecisionDraftDto], description: 'Staff and auditors only' }) drafts!: DecisionDraftDto[] | undefined;
  @ApiPropertyOptional({ type: [RecommendationViewDto], description: 'Staff, auditors and the controller only' }) recommendations!: RecommendationViewDto[] | undefined;
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

@ApiSchema({ name: 'PublicPermit', description: 'The permit an approving decision is part of' })
export class PublicPermitDto {
  @ApiProperty({ example: 'DUT-2026-000042' }) number!: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) validUntil!: string;
}

@ApiSchema({ name: 'PublicDecision', description: 'An issued decision as the public register shows it: no personal data' })
export class PublicDecisionDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) caseNumber!: string;
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
