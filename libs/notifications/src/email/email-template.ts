import { NotificationRecord } from '../domain/notification';

export type MailLanguage = 'da' | 'en';

/** Who an e-mail goes to, as the template greets them. */
export interface MailRecipient {
  name: string | null;
  role: string;
}

const ROLE_NAMES: Record<MailLanguage, Record<string, string>> = {
  da: {
    researcher: 'ansøger',
    caseworker: 'sagsbehandler',
    legal_approver: 'juridisk godkender',
    advisor: 'rådgiver',
    controller: 'dataansvarlig',
    auditor: 'tilsyn',
    admin: 'administrator',
  },
  en: {
    researcher: 'applicant',
    caseworker: 'caseworker',
    legal_approver: 'legal approver',
    advisor: 'advisor',
    controller: 'data controller',
    auditor: 'auditor',
    admin: 'administrator',
  },
};

const TEXT = {
  da: {
    greeting: (name: string | null) => (name ? `Kære ${name}` : 'Kære modtager'),
    caseLine: (number: string) => `Sag: ${number}`,
    signIn: 'Log ind i Ét kontaktpunkt for at se og handle på sagen.',
    personal: 'Du får denne e-mail, fordi beskeden er til dig.',
    role: (role: string) => `Du får denne e-mail, fordi beskeden er til alle med rollen ${role}, og du er aktiv i rollen.`,
    noReply: 'Svar ikke på denne e-mail; den sendes automatisk.',
    signature: 'Med venlig hilsen\nÉt kontaktpunkt for forskningsadgang til sundhedsdata',
  },
  en: {
    greeting: (name: string | null) => (name ? `Dear ${name}` : 'Dear recipient'),
    caseLine: (number: string) => `Case: ${number}`,
    signIn: 'Sign in to the single contact point to see and act on the case.',
    personal: 'You receive this e-mail because the notice is addressed to you.',
    role: (role: string) => `You receive this e-mail because the notice is addressed to everyone in the role ${role}, and you are active in it.`,
    noReply: 'Do not reply to this e-mail; it is sent automatically.',
    signature: 'Kind regards\nThe single contact point for research access to health data (Ét kontaktpunkt)',
  },
} as const;

/**
 * The e-mail for a notice in the recipient's language: the notice's own title as subject and its
 * text, the case number, and why this person receives it. Plain text only: no links or tracking.
 */
export function renderNoticeMail(notification: NotificationRecord, recipient: MailRecipient, language: MailLanguage): { subject: string; text: string } {
  const t = TEXT[language];
  const title = language === 'da' ? notification.titleDa : notification.titleEn;
  const body = language === 'da' ? notification.bodyDa : notification.bodyEn;
  const why = notification.recipientSub !== null ? t.personal : t.role(ROLE_NAMES[language][recipient.role] ?? recipient.role);
  const lines = [`${t.greeting(recipient.name)},`, '', body, ''];
  if (notification.caseNumber) lines.push(t.caseLine(notification.caseNumber));
  lines.push(t.signIn, '', t.signature, '', '--', why, t.noReply);
  return { subject: title, text: lines.join('\n') };
}
