import { AddNote, AddNoteCommand, ListNotes, ListNotesCommand } from '@kp/case-work';
import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ApiProblems, responseHeaders } from '@kp/http';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { NoteDto, NoteListDto } from './dto/case-work-views.dto';
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
  @ApiOperation({ operationId: 'addNote', summary: 'Add a note: internal (contact point only) or to the applicant', description: 'Caseworker or legal approver. `Location` names the case’s notes.' })
  @ApiCreatedResponse({ type: NoteDto, description: 'The note', headers: responseHeaders('Location') })
  @ApiProblems(400, 401, 403, 404, 409)
  async add(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AddNoteDto, @Res({ passthrough: true }) res: Response): Promise<NoteDto> {
    const view = await this.addNote.execute(actor, AddNoteCommand.create({ caseId: id, text: body.text, visibility: body.visibility }));
    res.location(`/v1/cases/${id}/notes`);
    return view;
  }

  @Get(':id/notes')
  @Roles('researcher', 'caseworker', 'legal_approver', 'advisor', 'controller', 'auditor')
  @ApiOperation({
    operationId: 'listNotes',
    summary: 'The case’s notes, oldest first',
    description: 'Staff and auditors see all (and the read is audited); the applicant sees the notes addressed to them, with the author’s role only.',
  })
  @ApiOkResponse({ type: NoteListDto, description: 'The notes you may read' })
  @ApiProblems(401, 403, 404)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NoteListDto> {
    return this.listNotes.execute(actor, ListNotesCommand.create({ caseId: id }));
  }
}
