import { DraftCommentView, DraftShareView } from '@kp/pre-screening';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ShareDraftDto {
  @ApiProperty({ example: 'region-midtjylland', description: 'The region whose data-support centre (datastøttecenter) is to comment' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'must be a region slug such as region-midtjylland', context: { rule: 'region-slug' } })
  region!: string;
  @ApiPropertyOptional({ description: 'What you would like the centre to look at' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(4000) message?: string;
}

export class CommentDraftDto {
  @ApiProperty({ description: 'The comment, as the applicant is to read it' }) @IsString() @IsNotEmpty() @MaxLength(20000) text!: string;
}

@ApiSchema({ name: 'DraftShare', description: 'A draft shared with a region’s data-support centre for pre-screening' })
export class DraftShareDto implements DraftShareView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 'region-midtjylland' }) region!: string;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ format: 'date-time' }) sharedAt!: string;
}

@ApiSchema({ name: 'DraftComment', description: 'A data-support centre’s comment on a draft, before submission' })
export class DraftCommentDto implements DraftCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 'region-midtjylland' }) region!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

@ApiSchema({ name: 'PreScreening', description: 'A draft’s shares and comments: all of them to the applicant and team, an advisor its own region’s' })
export class PreScreeningDto {
  @ApiProperty({ type: [DraftShareDto] }) shares!: DraftShareDto[];
  @ApiProperty({ type: [DraftCommentDto] }) comments!: DraftCommentDto[];
}

@ApiSchema({ name: 'SharedDraft', description: 'A draft shared with your region, with its title' })
export class SharedDraftDto extends DraftShareDto {
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
}

@ApiSchema({ name: 'SharedDraftList' })
export class SharedDraftListDto {
  @ApiProperty({ type: [SharedDraftDto] }) items!: SharedDraftDto[];
}
