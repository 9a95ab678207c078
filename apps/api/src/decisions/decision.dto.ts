import { OUTCOMES, Outcome } from '@kp/decisions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RecommendationDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiProperty({ description: 'Begrundelse (forvaltningsloven §§ 22–24)' }) @IsString() @IsNotEmpty() @MaxLength(20000) reasoning!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) conditions: string[] = [];
  @ApiPropertyOptional({ description: 'Required when the outcome departs from the screening verdict' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  departureReason?: string;
}

export class DecisionDto extends RecommendationDto {
  @ApiProperty({ example: 'EHDS art. 68; databeskyttelsesloven § 10' }) @IsString() @IsNotEmpty() @MaxLength(2000) legalBasis!: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000) reason!: string;
}

export class RevokePermitDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'Reference to the hearing of the permit holder (EHDS art. 63)' }) @IsOptional() @IsString() @MaxLength(200) hearingReference?: string;
}
