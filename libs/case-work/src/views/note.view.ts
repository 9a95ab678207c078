import { Actor } from '@kp/auth';
import { NoteRecord } from '../domain/records';
import { iso } from '../infrastructure/rows';

/** The applicant sees the author's role, not which staff member wrote the note. */
export function noteView(actor: Actor, n: NoteRecord) {
  const staff = actor.role !== 'researcher';
  return {
    id: n.id,
    caseId: n.caseId,
    visibility: n.visibility,
    text: n.text,
    author: staff ? { sub: n.authorSub, role: n.authorRole } : { role: n.authorRole },
    createdAt: iso(n.createdAt),
  };
}

export type NoteView = ReturnType<typeof noteView>;
