import { NotificationRecord } from '../domain/notification';
import { renderNoticeMail } from './email-template';
import { noticeMessageId } from './message-id';

const notice: NotificationRecord = {
  id: '3b0f6a4e-1c1d-4c8e-9d3a-2f2f8f0a9b11',
  recipientSub: null,
  recipientRole: 'legal_approver',
  recipientOrg: null,
  recipientRegion: null,
  kind: 'draft_awaiting_approval',
  caseId: null,
  caseNumber: 'EK-2026-000042',
  titleDa: 'Udkast afventer godkendelse',
  titleEn: 'Draft awaiting approval',
  bodyDa: 'Et udkast venter.',
  bodyEn: 'A draft waits.',
  createdAt: new Date('2026-03-02T10:00:00Z'),
  readAt: null,
};

describe('renderNoticeMail', () => {
  it('writes the notice in the recipient’s language, with the case and why they receive it', () => {
    const da = renderNoticeMail(notice, { name: 'Jens Berg', role: 'legal_approver' }, 'da');
    expect(da.subject).toBe('Udkast afventer godkendelse');
    expect(da.text).toContain('Kære Jens Berg,\n\nEt udkast venter.');
    expect(da.text).toContain('Sag: EK-2026-000042');
    expect(da.text).toContain('alle med rollen juridisk godkender');
    const en = renderNoticeMail({ ...notice, recipientSub: 'r-1', recipientRole: null }, { name: null, role: 'researcher' }, 'en');
    expect(en.subject).toBe('Draft awaiting approval');
    expect(en.text).toContain('Dear recipient,\n\nA draft waits.');
    expect(en.text).toContain('addressed to you');
  });
});

describe('noticeMessageId', () => {
  it('is the same for a notice and person every time, different per person, in the sender’s domain', () => {
    const a = noticeMessageId(notice.id, 'la-1', 'no-reply@kontaktpunkt.dk');
    expect(noticeMessageId(notice.id, 'la-1', 'no-reply@kontaktpunkt.dk')).toBe(a);
    expect(noticeMessageId(notice.id, 'la-2', 'no-reply@kontaktpunkt.dk')).not.toBe(a);
    expect(a).toMatch(/^<3b0f6a4e-1c1d-4c8e-9d3a-2f2f8f0a9b11\.[0-9a-f]{16}@kontaktpunkt\.dk>$/);
  });
});

describe('renderNoticeMail’s HTML alternative', () => {
  it('says what the plain text says, in the recipient’s language, escaped, without links or images', () => {
    const mail = renderNoticeMail({ ...notice, bodyDa: 'Udkast <b>A & B</b> venter.' }, { name: 'Jens Berg', role: 'legal_approver' }, 'da');
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(mail.html).toContain('<h1 style="font-size: 20px;">Udkast afventer godkendelse</h1>');
    expect(mail.html).toContain('<p>Kære Jens Berg,</p>');
    expect(mail.html).toContain('Udkast &lt;b&gt;A &amp; B&lt;/b&gt; venter.');
    expect(mail.html).toContain('Sag: EK-2026-000042');
    expect(mail.html).toContain('alle med rollen juridisk godkender');
    expect(mail.html).toContain('Med venlig hilsen<br>Ét kontaktpunkt');
    expect(mail.html).not.toMatch(/<a |<img |https?:/);
    const en = renderNoticeMail(notice, { name: 'Anna Smith', role: 'legal_approver' }, 'en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<p>Dear Anna Smith,</p>');
    expect(en.html).toContain('Case: EK-2026-000042');
  });
});
