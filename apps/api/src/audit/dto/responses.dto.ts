import { ORGANISATION_TYPES, OrganisationType } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the audit routes' answers (documentation only; the use cases return plain data). */

class CheckpointsConsideredDto {
  @ApiProperty({ description: 'Key id of this deployment’s signing key' }) trustedKeyId!: string;
  @ApiProperty({ description: 'Stored checkpoints signed by that key; the chain must pass through each' }) trusted!: number;
  @ApiProperty({ description: 'Stored checkpoints under other keys, not used as evidence here' }) otherKeys!: number;
}

export class AuditVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional({ description: 'valid: number of events' }) count?: number;
  @ApiPropertyOptional({ description: 'valid: seq of the head (0 when empty)' }) headSeq?: number;
  @ApiPropertyOptional({ description: 'valid: hash of the head' }) headHash?: string;
  @ApiPropertyOptional({ description: 'valid: signed checkpoints the chain passed through' }) checkpointsMatched?: number;
  @ApiPropertyOptional({ description: 'broken: the first broken seq' }) seq?: number;
  @ApiPropertyOptional({ description: 'broken: the hash that should be there' }) expectedHash?: string;
  @ApiPropertyOptional({ description: 'broken: the hash found' }) foundHash?: string;
  @ApiPropertyOptional({
    enum: ['seq_gap', 'prev_hash_mismatch', 'hash_mismatch', 'checkpoint_mismatch', 'chain_truncated', 'checkpoint_signature_invalid'],
  })
  reason?: string;
  @ApiProperty({ type: CheckpointsConsideredDto }) checkpoints!: CheckpointsConsideredDto;
}

class AuditActorDto {
  @ApiProperty() sub!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) organisation!: string | null;
}

class AuditSubjectDto {
  @ApiProperty({ example: 'case' }) type!: string;
  @ApiProperty({ example: 'EK-2026-000123' }) id!: string;
}

export class TimelineEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'application.submitted' }) action!: string;
  @ApiProperty({ type: AuditSubjectDto }) subject!: AuditSubjectDto;
  @ApiPropertyOptional({ description: 'applicant view only', example: 'caseworker' }) actorRole?: string;
  @ApiPropertyOptional({ type: AuditActorDto, description: 'full view only' }) actor?: AuditActorDto;
  @ApiPropertyOptional({ type: Object, description: 'full view only' }) payload?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'full view only' }) prevHash?: string;
  @ApiPropertyOptional({ description: 'full view only' }) hash?: string;
}

export class CaseAuditTimelineDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: ['full', 'applicant'] }) view!: string;
  @ApiProperty({ type: [TimelineEntryDto] }) items!: TimelineEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

class LoadProblemDto {
  @ApiProperty({ example: 'rules/national-registers/rules.json' }) file!: string;
  @ApiProperty({ example: '$.rules[0].conditions.all[0].operator' }) path!: string;
  @ApiProperty() problem!: string;
}

export class PluginReloadOutcomeDto {
  @ApiProperty() pluginId!: string;
  @ApiProperty({ enum: ['activated', 'unchanged', 'refused'] }) status!: string;
  @ApiPropertyOptional() version?: string;
  @ApiPropertyOptional() sha256?: string;
  @ApiPropertyOptional({ type: [LoadProblemDto] }) errors?: LoadProblemDto[];
}

export class ActiveRuleSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time', description: 'When this content was first loaded in this deployment' }) loadedAt!: string;
  @ApiProperty({ type: [String] }) dataSources!: string[];
}

class PublicOrganisationDto {
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ORGANISATION_TYPES }) type!: OrganisationType | null;
}

class PublicDataSourceDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class PublicApplicationDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ type: PublicOrganisationDto }) applicantOrganisation!: PublicOrganisationDto;
  @ApiProperty({ nullable: true, type: String, description: 'EHDS art. 53(1) category' }) purposeCategory!: string | null;
  @ApiProperty({ type: [PublicDataSourceDto] }) dataSources!: PublicDataSourceDto[];
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: ['received', 'decided', 'withdrawn'] }) state!: string;
}

export class PublicApplicationPageDto {
  @ApiProperty({ type: [PublicApplicationDto] }) items!: PublicApplicationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
