import { isStaff } from '@kp/applications';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../domain/problems';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';
import { noteView, NoteView } from '../views/note.view';
import { WorkOnCase } from '../work-on-case/work-on-case';

/**
 * The notes of a case, oldest first: contact-point staff read all of them; the applicant reads the
 * notes addressed to the applicant on their own case; to anyone else the case does not exist.
 */
@Injectable()
export class ListNotes {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly caseWork: CaseWorkRepository,
  ) {}

  async execute(actor: Actor, caseId: string): Promise<{ items: NoteView[] }> {
    if (!isStaff(actor) && actor.role !== 'researcher') throw notFound('case', caseId);
    return this.db.transaction(async (manager) => {
      const { c } = await this.work.load(manager, actor, caseId, 'read_case');
      const notes = await this.caseWork.notes(manager, c.id, isStaff(actor) ? undefined : 'applicant');
      return { items: notes.map((n) => noteView(actor, n)) };
    });
  }
}
