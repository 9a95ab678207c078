import { FeeEstimate, HolderFee, SourceFee } from '@kp/rules';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** OpenAPI shapes of a fee estimate (documentation only; the domain computes it from the manifests). */

@ApiSchema({ name: 'SourceFee', description: 'What one source costs: its fixed part, per variable requested and the hourly estimate' })
export class SourceFeeDto implements SourceFee {
  @ApiProperty({ example: 'lpr' }) dataSourceId!: string;
  @ApiProperty({ example: 4000 }) fixed!: number;
  @ApiProperty({ example: 4, description: 'Variables requested' }) variables!: number;
  @ApiProperty({ example: 100 }) perVariable!: number;
  @ApiProperty({ example: 10, description: 'The holder’s estimate of hours' }) hours!: number;
  @ApiProperty({ example: 1000 }) hourlyRate!: number;
  @ApiProperty({ example: 14400 }) amount!: number;
}

@ApiSchema({ name: 'HolderFeeHolder', description: 'The data holder' })
export class HolderFeeHolderDto {
  @ApiProperty({ example: 'Sundhedsdatastyrelsen' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '33257872' }) cvr!: string | null;
}

@ApiSchema({ name: 'FeeReductionApplied', description: 'A reduction for the applicant’s sector (EHDS art. 62 from 26 March 2029)' })
export class FeeReductionAppliedDto {
  @ApiProperty({ example: 50 }) percent!: number;
  @ApiProperty({ example: 7200 }) amount!: number;
  @ApiProperty({ example: 'EHDS art. 62' }) legalReference!: string;
}

@ApiSchema({ name: 'HolderFee', description: 'One line per data holder: its sources, the reduction that applies and its total' })
export class HolderFeeDto implements HolderFee {
  @ApiProperty({ type: HolderFeeHolderDto }) holder!: HolderFeeHolderDto;
  @ApiProperty({ type: [SourceFeeDto] }) sources!: SourceFeeDto[];
  @ApiProperty() subtotal!: number;
  @ApiProperty({ type: FeeReductionAppliedDto, nullable: true }) reduction!: FeeReductionAppliedDto | null;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'false: a figure is not confirmed against the holder’s published prices' }) verified!: boolean;
}

@ApiSchema({ name: 'FeeEstimate', description: 'What the holders charge, one line per holder, under the price rules of `lawDate` (EHDS art. 62 from 26 March 2029: one invoice)' })
export class FeeEstimateDto implements FeeEstimate {
  @ApiProperty({ enum: ['DKK'] }) currency!: 'DKK';
  @ApiProperty({ format: 'date' }) lawDate!: string;
  @ApiProperty({ type: [HolderFeeDto] }) holders!: HolderFeeDto[];
  @ApiProperty({ description: 'The one invoice: every holder’s total' }) total!: number;
  @ApiProperty({ description: 'Some figure is illustrative (not confirmed against the holder’s price list)' }) illustrative!: boolean;
  @ApiProperty({ type: [String], description: 'Sources without a fee model: not in the total' }) withoutFeeModel!: string[];
}
