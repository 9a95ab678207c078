import { DraftCommentRecord, DraftShareRecord } from './records';

export function shareView(s: DraftShareRecord) {
  return { id: s.id, applicationId: s.applicationId, region: s.region, message: s.message, sharedAt: new Date(s.sharedAt).toISOString() };
}
export type DraftShareView = ReturnType<typeof shareView>;

/** The applicant sees which region commented, not which advisor (the centre answers as one). */
export function commentView(c: DraftCommentRecord) {
  return { id: c.id, applicationId: c.applicationId, region: c.region, text: c.text, createdAt: new Date(c.createdAt).toISOString() };
}
export type DraftCommentView = ReturnType<typeof commentView>;
