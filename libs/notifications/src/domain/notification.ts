import { Role } from '@kp/auth';

/** A text shown to people in Danish and English; both are required. */
export interface LocalisedText {
  da: string;
  en: string;
}

/**
 * Who a notice is for: one person (by token subject), or everyone holding a role — optionally only
 * within one organisation (CVR) or region, matched against the reader's token.
 */
export type NotificationRecipient = { sub: string } | { role: Role; organisation?: string; region?: string };

/** What a use case hands to `Notifier.notify`. `kind` is a stable snake_case code clients may filter on. */
export interface NewNotification {
  to: NotificationRecipient;
  kind: string;
  caseId?: string;
  caseNumber?: string;
  /** The application a notice about a draft concerns (before it has a case), so retention finds it. */
  applicationId?: string;
  title: LocalisedText;
  body: LocalisedText;
}

export interface NotificationRecord {
  id: string;
  recipientSub: string | null;
  recipientRole: Role | null;
  recipientOrg: string | null;
  recipientRegion: string | null;
  kind: string;
  caseId: string | null;
  caseNumber: string | null;
  titleDa: string;
  titleEn: string;
  bodyDa: string;
  bodyEn: string;
  createdAt: Date;
  /** When this reader read it: the row's own for a personal notice, the reader's read row for a group one. */
  readAt: Date | null;
}

export function isPersonal(to: NotificationRecipient): to is { sub: string } {
  return 'sub' in to;
}
