import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { HealthCheckResult } from '@nestjs/terminus';

/** OpenAPI shapes of the probes (documentation only; the controller and Terminus answer plain data). */

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
}

const indicators = (description: string) => ({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) }, description }) as const;

export class ReadinessDto implements HealthCheckResult {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiPropertyOptional({ ...indicators('The indicators that are up, by name (shutdown, database, queue)'), nullable: true }) info?: HealthCheckResult['info'];
  @ApiPropertyOptional({ ...indicators('The indicators that are down'), nullable: true }) error?: HealthCheckResult['error'];
  @ApiProperty(indicators('Every indicator, by name')) details!: HealthCheckResult['details'];
}
