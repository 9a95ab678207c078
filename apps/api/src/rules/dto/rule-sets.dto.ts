import { DryRunReport, VerdictChange } from '@kp/applications';
import { Verdict } from '@kp/rules';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { unionValues } from '../../openapi/union-values';
import { VERDICTS } from './screening.dto';

/** OpenAPI shapes of the rule-set admin answers (documentation only; the registry returns plain data). */

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

export class DryRunDto {
  @ApiPropertyOptional({ example: '2029-03-26', description: 'The date whose law applies (YYYY-MM-DD); default today. EHDS chapter IV applies from 26 March 2029.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'lawDate must be a calendar date YYYY-MM-DD', context: { rule: 'calendar-date' } })
  lawDate?: string;
}

@ApiSchema({ name: 'RuleSetVersionInForce', description: 'The version of a plugin in force now' })
export class RuleSetVersionInForceDto {
  @ApiProperty() version!: string;
  @ApiProperty() sha256!: string;
}

@ApiSchema({ name: 'DryRunPlugin', description: 'A plugin folder as the candidate load sees it; nothing is activated' })
export class DryRunPluginDto {
  @ApiProperty() pluginId!: string;
  @ApiProperty({ enum: unionValues<DryRunReport['plugins'][number]['status']>()('unchanged', 'would_activate', 'refused') }) status!: DryRunReport['plugins'][number]['status'];
  @ApiPropertyOptional() version?: string;
  @ApiPropertyOptional() sha256?: string;
  @ApiPropertyOptional({ type: [LoadProblemDto] }) errors?: LoadProblemDto[];
  @ApiProperty({ type: RuleSetVersionInForceDto, nullable: true, description: 'null: a plugin not in force now' }) inForce!: RuleSetVersionInForceDto | null;
}

@ApiSchema({ name: 'RuleSetVersionRef', description: 'A plugin by id and version' })
export class RuleSetVersionRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
}

@ApiSchema({ name: 'ScreeningOutcome', description: 'A verdict with its finding codes and the plugin versions that produced it' })
export class ScreeningOutcomeDto {
  @ApiProperty({ enum: VERDICTS, enumName: 'Verdict' }) verdict!: Verdict;
  @ApiProperty({ type: [String] }) findingCodes!: string[];
  @ApiProperty({ type: [RuleSetVersionRefDto] }) ruleSets!: RuleSetVersionRefDto[];
}

@ApiSchema({ name: 'CandidateOutcome', description: 'The candidate plugins’ outcome: a verdict with its findings, or the error that stopped the screening' })
export class CandidateOutcomeDto {
  @ApiPropertyOptional({ enum: VERDICTS, enumName: 'Verdict' }) verdict?: Verdict;
  @ApiPropertyOptional({ type: [String] }) findingCodes?: string[];
  @ApiPropertyOptional({ type: [RuleSetVersionRefDto] }) ruleSets?: RuleSetVersionRefDto[];
  @ApiPropertyOptional({ description: 'Why the candidate could not screen it' }) error?: string;
}

@ApiSchema({ name: 'VerdictChange', description: 'An open sub-case whose verdict or findings would change' })
export class VerdictChangeDto {
  @ApiProperty({ example: 'EK-2026-000123' }) caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) subCaseId!: string;
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ type: ScreeningOutcomeDto }) current!: ScreeningOutcomeDto;
  @ApiProperty({ type: CandidateOutcomeDto }) candidate!: VerdictChange['candidate'];
}

@ApiSchema({ name: 'DryRunReport', description: 'How the plugins now in RULES_DIR would change the verdicts of open cases on a date' })
export class DryRunReportDto implements DryRunReport {
  @ApiProperty({ format: 'date', description: 'The date whose law the candidate rule sets were applied under' }) lawDate!: string;
  @ApiProperty({ type: [DryRunPluginDto] }) plugins!: DryRunPluginDto[];
  @ApiProperty({ description: 'How many open sub-cases were screened again' }) openSubCases!: number;
  @ApiProperty({ type: [VerdictChangeDto], description: 'Only the sub-cases whose verdict or findings would change' }) changes!: VerdictChangeDto[];
}
