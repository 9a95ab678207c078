import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ResolveLegalMatterDto {
  @ApiProperty({ description: 'Reference of the document that settles it, e.g. the Datatilsynet permission’s journal number', example: 'Datatilsynet 2026-31-1234' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  documentReference: string;
}
