import { ChangeAuthority, GetDataSource, ListDataSources } from '@kp/applications';
import { Track } from '@kp/cases';
import { TRACKS } from '@kp/clock';
import { LocalisedTextSchema } from '@kp/http';
import { CATALOGUE_COMPLETENESS, CatalogueCompleteness, DataSourceKind, VARIABLE_SENSITIVITIES, VariableSensitivity } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { unionValues } from '../../openapi/union-values';
import { RuleSetRefDto } from '../../rules/dto/screening.dto';

/** OpenAPI shapes of the catalogue and of an authority change (documentation only; the use cases return plain data). */

type DataSourceView = Awaited<ReturnType<ListDataSources['execute']>>[number];
type DataSourceDetailView = Awaited<ReturnType<GetDataSource['execute']>>;
type AuthorityAssignmentView = Awaited<ReturnType<ChangeAuthority['execute']>>;

@ApiSchema({ name: 'DataSourceController', description: 'The data controller of a source' })
export class DataSourceControllerDto {
  @ApiProperty({ example: 'Sundhedsdatastyrelsen' }) name!: string;
  @ApiProperty({ required: false, example: '33257872' }) cvr?: string;
}

@ApiSchema({ name: 'PlannedAuthorityChange', description: 'A track or deciding authority that takes effect later' })
export class PlannedAuthorityChangeDto {
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: Track;
  @ApiProperty() decidingAuthority!: string;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
}

/** What the list and the detail of a source share. */
abstract class DataSourceFieldsDto {
  @ApiProperty({ example: 'lpr' }) id!: string;
  @ApiProperty({ example: 'Landspatientregisteret' }) name!: string;
  @ApiProperty({ enum: unionValues<DataSourceKind>()('national_register', 'clinical_quality_db', 'patient_record', 'biobank') }) kind!: DataSourceKind;
  @ApiProperty({ type: DataSourceControllerDto }) controller!: DataSourceControllerDto;
  @ApiProperty({ type: String, nullable: true, example: 'region-midtjylland' }) region!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'region-midtjylland' }) advisorRegion!: string | null;
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: Track;
  @ApiProperty({ example: 'Ét kontaktpunkt' }) decidingAuthority!: string;
  @ApiProperty({ type: [PlannedAuthorityChangeDto] }) plannedChanges!: PlannedAuthorityChangeDto[];
  @ApiProperty({ type: [String], description: 'What an application to this source needs, in words' }) requires!: string[];
  @ApiProperty({ type: RuleSetRefDto, description: 'The plugin version in force for this source' }) ruleSet!: RuleSetRefDto;
}

@ApiSchema({ name: 'CatalogueSummary', description: 'How complete the source’s list of variables is, and how many there are' })
export class CatalogueSummaryDto {
  @ApiProperty({ enum: CATALOGUE_COMPLETENESS, enumName: 'CatalogueCompleteness', description: 'complete: a variable outside the list cannot be approved; representative: examples' })
  completeness!: CatalogueCompleteness;
  @ApiProperty() variableCount!: number;
}

@ApiSchema({ name: 'DataSource', description: 'A data source of the catalogue: who decides on it now, its controller, what it requires and the rule set that screens it' })
export class DataSourceDto extends DataSourceFieldsDto implements DataSourceView {
  @ApiProperty({ type: CatalogueSummaryDto, nullable: true, description: 'null: the source publishes no list of variables' }) catalogue!: CatalogueSummaryDto | null;
}

@ApiSchema({ name: 'CatalogueVariable', description: 'A variable one can ask for' })
export class CatalogueVariableDto {
  @ApiProperty({ example: 'diagnosis' }) name!: string;
  @ApiProperty({ type: LocalisedTextSchema }) label!: LocalisedTextSchema;
  @ApiProperty({ enum: VARIABLE_SENSITIVITIES }) sensitivity!: VariableSensitivity;
  @ApiProperty({ description: 'false while the name is not confirmed against the holder’s documentation' }) verified!: boolean;
  @ApiPropertyOptional({ format: 'uri', description: 'Where the name was confirmed: the holder’s documentation that publishes it (absent while unverified)' }) source?: string;
}

@ApiSchema({ name: 'Catalogue', description: 'The variables of a source, with labels, sensitivity and whether each name is confirmed' })
export class CatalogueDto {
  @ApiProperty({ enum: CATALOGUE_COMPLETENESS, enumName: 'CatalogueCompleteness' }) completeness!: CatalogueCompleteness;
  @ApiProperty({ type: [CatalogueVariableDto] }) variables!: CatalogueVariableDto[];
}

@ApiSchema({ name: 'DataSourceDetail', description: 'A data source with its whole catalogue of variables' })
export class DataSourceDetailDto extends DataSourceFieldsDto implements DataSourceDetailView {
  @ApiProperty({ type: CatalogueDto, nullable: true, description: 'null: the source publishes no list of variables' }) catalogue!: CatalogueDto | null;
}

@ApiSchema({ name: 'AuthorityAssignment', description: 'A source’s track and deciding authority from an effective date' })
export class AuthorityAssignmentDto implements AuthorityAssignmentView {
  // The stored assignment always has an id; the record type also serves the built-in default, which has none.
  @ApiProperty({ format: 'uuid' }) id!: string | null;
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ enum: TRACKS, enumName: 'Track' }) track!: Track;
  @ApiProperty() decidingAuthority!: string;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty() reason!: string;
}
