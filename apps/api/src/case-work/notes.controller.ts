import { AddNote, AddNoteCommand, ListNotes, ListNotesCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AddNoteDto } from './dto/note.dto';

@ApiTags('case work')
@ApiBearerAuth()
@Controller('v1/cases')
export class NotesController {
  constructor(
    private readonly addNote: AddNote,
    private readonly listNotes: ListNotes,
  ) {}

  @Post(':id/notes')
  @Roles('caseworker', 'legal_approver')
  @ApiOperation({ summary: 'Add a note: internal (contact point only) or to the applicant' })
  @ApiCreatedResponse({ description: 'The note' })
  @ApiProblems(400, 401, 403, 404, 409)
  async add(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AddNoteDto, @Res({ passthrough: true }) res: Response) {
    const view = await this.addNote.execute(actor, AddNoteCommand.create({ caseId: id, text: body.text, visibility: body.visibility }));
    res.location(`/v1/cases/${id}/notes`);
    return view;
  }

  @Get(':id/notes')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({ summary: 'The case’s notes, oldest first: staff see all; the applicant sees the notes addressed to them' })
  @ApiOkResponse({ description: '{ items }' })
  @ApiProblems(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.listNotes.execute(actor, ListNotesCommand.create({ caseId: id }));
  }
}
