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

/** The e-mail of a notice: one text in two forms, plain text and its HTML alternative. */
export interface NoticeMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** A paragraph of the plain text as HTML: escaped, its line breaks kept. */
const paragraph = (text: string, style = '') => `<p${style ? ` style="${style}"` : ''}>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

/**
 * The e-mail for a notice in the recipient's language: the notice's own title as subject and its
 * text, the case number, and why this person receives it. Plain text, and the same content as an
 * HTML alternative (multipart/alternative, RFC 2046 § 5.1.4) for mail clients that show HTML: no
 * links, images or tracking, no external style sheet, `lang` set for screen readers.
 */
export function renderNoticeMail(notification: NotificationRecord, recipient: MailRecipient, language: MailLanguage): NoticeMail {
  const t = TEXT[language];
  const title = language === 'da' ? notification.titleDa : notification.titleEn;
  const body = language === 'da' ? notification.bodyDa : notification.bodyEn;
  const why = notification.recipientSub !== null ? t.personal : t.role(ROLE_NAMES[language][recipient.role] ?? recipient.role);
  const greeting = `${t.greeting(recipient.name)},`;
  const caseLine = notification.caseNumber ? t.caseLine(notification.caseNumber) : undefined;

  const lines = [greeting, '', body, ''];
  if (caseLine) lines.push(caseLine);
  lines.push(t.signIn, '', t.signature, '', '--', why, t.noReply);

  const html = [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    `<h1 style="font-size: 20px;">${escapeHtml(title)}</h1>`,
    paragraph(greeting),
    paragraph(body),
    ...(caseLine ? [paragraph(caseLine, 'font-weight: bold;')] : []),
    paragraph(t.signIn),
    paragraph(t.signature),
    '<hr>',
    paragraph(`${why}\n${t.noReply}`, 'font-size: 14px; color: #555;'),
    '</body>',
    '</html>',
  ].join('\n');
  return { subject: title, text: lines.join('\n'), html };
}
