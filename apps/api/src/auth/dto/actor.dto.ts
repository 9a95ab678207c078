import { Actor, Role, ROLES } from '@kp/auth';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** OpenAPI shape of the verified actor (documentation only; the token guard builds it). */
@ApiSchema({ name: 'Actor', description: 'Who the verified bearer token says you are' })
export class ActorDto implements Actor {
  @ApiProperty({ description: 'Subject: your stable id at the identity provider' }) sub!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiPropertyOptional({ description: 'CVR number of the organisation you act for', example: '31119103' }) organisation?: string;
  @ApiPropertyOptional({ description: 'Region slug of advisors and regional controllers', example: 'region-midtjylland' }) region?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ description: 'The `email` claim: where notices are e-mailed unless an admin set another address', example: 'karen.holm@sundhedsdata.dk' }) email?: string;
  @ApiPropertyOptional({ description: 'The `locale` claim: e-mails are in English for `en…`, otherwise Danish', example: 'da-DK' }) locale?: string;
}
