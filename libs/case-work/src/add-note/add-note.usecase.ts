import { WorkOnCase } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { FieldError, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NOTE_VISIBILITIES, NoteVisibility } from '../domain/records';
import { NoteRepository } from '../infrastructure/note.repository';
import { noteView, NoteView } from '../views/note.view';

export const MAX_NOTE_LENGTH = 20000;

export function noteProblems(text: unknown, visibility: unknown): FieldError[] {
  const problems: FieldError[] = [];
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_NOTE_LENGTH) problems.push({ field: 'text', messages: [`must be text of at most ${MAX_NOTE_LENGTH} characters`] });
  if (!NOTE_VISIBILITIES.includes(visibility as NoteVisibility)) problems.push({ field: 'visibility', messages: [`must be one of ${NOTE_VISIBILITIES.join(', ')}`] });
  return problems;
}

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
  ) {}

  async execute(actor: Actor, caseId: string, text: string, visibility: NoteVisibility): Promise<NoteView> {
    const problems = noteProblems(text, visibility);
    if (problems.length) throw new ValidationFailedError(`The note has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'add_note');
      const note = await this.notes.insertNote(manager, { caseId: c.id, authorSub: actor.sub, authorRole: actor.role, visibility, text: text.trim() });
      await this.audit.append(manager, { actor, action: 'case.note_added', subject: { type: 'case', id: c.number }, payload: { caseId: c.id, noteId: note.id, visibility } });
      return noteView(actor, note);
    });
  }
}
