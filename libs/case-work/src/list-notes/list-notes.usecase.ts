import { WorkOnCase, isStaff } from '@kp/cases';
import { notFound } from '@kp/errors';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NoteRepository } from '../infrastructure/note.repository';
import { noteView, NoteView } from '../views/note.view';
import { ListNotesCommand } from './list-notes.command';

/**
 * The notes of a case, oldest first: contact-point staff and supervision (auditor) read all of them;
 * the applicant reads the notes addressed to the applicant on their own case; to anyone else the case
 * does not exist. A read by anyone but the applicant is logged, like every staff read of a case.
 */
@Injectable()
export class ListNotes {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly noteRepository: NoteRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, { caseId }: ListNotesCommand): Promise<{ items: NoteView[] }> {
    const readsAll = isStaff(actor) || actor.role === 'auditor';
    if (!readsAll && actor.role !== 'researcher') throw notFound('case', caseId);
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'read_case');
      const notes = await this.noteRepository.notes(manager, c.id, readsAll ? undefined : 'applicant');
      if (readsAll) await this.audit.append(manager, { actor, action: 'case.notes_viewed', subject: { type: 'case', id: c.number }, payload: { caseId: c.id, notes: notes.length } });
      return { items: notes.map((n) => noteView(actor, n)) };
    });
  }
}
