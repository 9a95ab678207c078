import { StaffMember } from '../domain/records';

/** A directory entry as an admin sees it. */
export function staffMemberView(m: StaffMember) {
  return {
    sub: m.sub,
    role: m.role,
    organisation: m.organisation,
    region: m.region,
    name: m.name,
    email: m.email,
    emailSource: m.emailSource,
    language: m.language,
    active: m.active,
    signedIn: m.signedIn,
    addedBy: m.addedBy,
    firstSeenAt: m.firstSeenAt.toISOString(),
    lastSeenAt: m.lastSeenAt.toISOString(),
    updatedBy: m.updatedBy,
    updatedAt: m.updatedAt ? m.updatedAt.toISOString() : null,
    absence: m.absentSince ? { since: new Date(m.absentSince).toISOString(), until: m.absentUntil, markedBy: m.absenceMarkedBy } : null,
  };
}

export type StaffMemberView = ReturnType<typeof staffMemberView>;

export interface StaffPage {
  items: StaffMemberView[];
  nextCursor: string | null;
}
