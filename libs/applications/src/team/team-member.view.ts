import { Actor } from '@kp/auth';
import { TeamMemberRecord } from '@kp/cases';

/** An invitation or membership as the team sees it; whether it is open, accepted or expired at `now`. */
export function teamMemberView(m: TeamMemberRecord, now: Date, actor?: Actor) {
  const status = m.acceptedAt ? 'accepted' : new Date(m.expiresAt) <= now ? 'expired' : 'invited';
  return {
    id: m.id,
    applicationId: m.applicationId,
    email: m.email,
    name: m.name,
    teamRole: m.teamRole,
    status: status as 'invited' | 'accepted' | 'expired',
    invitedAt: new Date(m.invitedAt).toISOString(),
    expiresAt: new Date(m.expiresAt).toISOString(),
    acceptedAt: m.acceptedAt ? new Date(m.acceptedAt).toISOString() : null,
    /** Whether the reader is this member. */
    you: !!actor && m.memberSub === actor.sub,
  };
}

export type TeamMemberView = ReturnType<typeof teamMemberView>;
