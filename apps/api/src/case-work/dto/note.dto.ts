import { NOTE_VISIBILITIES, NoteVisibility } from '@kp/case-work';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AddNoteDto {
  @ApiProperty({ description: 'The note' }) @IsString() @IsNotEmpty() @MaxLength(20000) text: string;
  @ApiProperty({ enum: NOTE_VISIBILITIES, description: 'internal: contact point only; applicant: also the applicant' }) @IsIn(NOTE_VISIBILITIES) visibility: NoteVisibility;
}
