import { ORGANISATION_SECTORS } from '@kp/rules';
import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the transparency register (documentation only; the use case returns plain data). */

class PublicOrganisationDto {
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'DK', description: 'Where the organisation is established, ISO 3166-1 alpha-2' }) country!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ORGANISATION_SECTORS, description: 'null when the application does not state it' }) sector!: string | null;
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
