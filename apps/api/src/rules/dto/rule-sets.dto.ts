import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

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
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'lawDate must be a calendar date YYYY-MM-DD' })
  lawDate?: string;
}
