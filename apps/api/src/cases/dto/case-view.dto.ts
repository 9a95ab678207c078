import { CaseView } from '@kp/applications';
import { CASE_STATES, CaseState, Command, COMMANDS, CONSULTATION_STATES, ConsultationState, SUB_CASE_STATES, SubCaseState, Track } from '@kp/cases';
import { TRACKS } from '@kp/clock';
import { LocalisedTextSchema } from '@kp/http';
import { Requirement, Verdict } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { FindingDto, RequirementDto, RuleSetRefDto, VERDICTS } from '../../rules/dto/screening.dto';
import { unionValues } from '../../openapi/union-values';
import { ClockDto } from './clock.dto';

/** OpenAPI shape of a case as GetCase answers it (documentation only; the use case returns plain data). */

type SubCaseView = CaseView['subCases'][number];
type ScreeningView = NonNullable<SubCaseView['screening']>;
type CaseConsultationView = NonNullable<CaseView['consultations']>[number];
type CaseLegalMatterView = CaseView['legalMatters'][number];

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
}

@ApiSchema({ name: 'CaseConsultation', description: 'A consultation on the case, as the case shows it to staff' })
export class CaseConsultationDto implements CaseConsultationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subCaseId!: string | null;
  @ApiProperty({ example: 'region-midtjylland' }) advisorRegion!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() question!: string;
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

@ApiSchema({ name: 'Case', description: 'A case (sag) as you may see it: a controller sees only its own sources’ sub-cases; the applicant sees no consultations and no assignee' })
export class CaseDto implements CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) number!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: CaseState;
  @ApiProperty({ description: 'The case version: its ETag, and the If-Match of the next command' }) version!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: OrganisationRefDto }) applicant!: OrganisationRefDto;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only: who holds the case (null: in its queue)' }) assignee!: string | null | undefined;
  @ApiProperty({ enum: COMMANDS, enumName: 'Command', isArray: true, description: 'The commands you may send now' }) allowedCommands!: Command[];
  @ApiProperty({ type: ClockDto, nullable: true, description: 'The clock of the open sub-case due first' }) clock!: ClockDto | null;
  @ApiProperty({ type: [SubCaseDto] }) subCases!: SubCaseDto[];
  @ApiPropertyOptional({ type: [CaseConsultationDto], description: 'Staff only (an advisor sees their region’s)' }) consultations!: CaseConsultationDto[] | undefined;
  @ApiProperty({ type: [CaseLegalMatterDto] }) legalMatters!: CaseLegalMatterDto[];
}
