import { WorkOnCase } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NoteRepository } from '../infrastructure/note.repository';
import { noteView, NoteView } from '../views/note.view';
import { AddNoteCommand } from './add-note.command';

/**
 * Staff add a note to a case: `internal` for the contact point, `applicant` also for the applicant.
 * The audit event records that a note was added and to whom it is visible, not its text.
 */
@Injectable()
export class AddNote {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly notes: NoteRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { caseId, text, visibility }: AddNoteCommand): Promise<NoteView> {
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'add_note');
      const note = await this.notes.insertNote(manager, { caseId: c.id, authorSub: actor.sub, authorRole: actor.role, visibility, text: text.trim(), createdAt: this.clock.now() });
      await this.audit.append(manager, { actor, action: 'case.note_added', subject: { type: 'case', id: c.number }, payload: { caseId: c.id, noteId: note.id, visibility } });
      return noteView(actor, note);
    });
  }
}
