import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignDto {
  @ApiProperty({ description: 'Subject (sub) of the caseworker or legal approver who takes the case' }) @IsString() @IsNotEmpty() @MaxLength(200) assignee: string;
}
