import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of the chain verification answer (documentation only; the use case returns plain data). */

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
