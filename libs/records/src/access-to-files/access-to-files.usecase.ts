import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { CaseFileRepository, CaseRecord } from '@kp/cases';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';
import { renderPdf } from '@kp/decisions';
import { FieldError, ForbiddenError, NotFoundError, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JournalRepository } from '../journal/journal.repository';
import { AccessToFilesCommand, ListCaseFileCommand, WithheldPart } from './access-to-files.command';
import { CaseFileDocument } from './case-file-documents';
import { CaseFileReader } from './case-file-reader';
import { BASIS_LAW, EXEMPTIONS, withheldMarker } from './exemptions';

/** Who decides on access to files: the contact point's caseworkers and legal approvers. */
const FILE_KEEPERS: readonly Actor['role'][] = ['caseworker', 'legal_approver'];

const DIRECTION_DA = { incoming: 'indgående', outgoing: 'udgående', internal: 'internt' } as const;

export interface CaseFileListView {
  caseId: string;
  caseNumber: string;
  documents: { key: string; kind: string; title: string; date: string; direction: string; documentNumber: string | null; sections: { key: string; heading: string }[] }[];
}

/**
 * Access to files (aktindsigt): the case file as one PDF — a cover naming the law access is given
 * under, the log of the case's documents (each given, given in part or withheld, with the ground),
 * and every document, the withheld parts replaced by a marker citing the exemption (offentlighedsloven
 * § 7 and §§ 23–33; forvaltningsloven § 9 and §§ 12–15). The caseworker marks what to withhold; the
 * export and what was withheld are audited, and the PDF's footer carries that audit event's hash.
 */
@Injectable()
export class AccessToFiles {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly reader: CaseFileReader,
    private readonly journal: JournalRepository,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
  ) {}

  async list(actor: Actor, { caseId }: ListCaseFileCommand): Promise<CaseFileListView> {
    const c = await this.caseFor(actor, this.db.manager, caseId);
    const documents = await this.reader.documents(this.db.manager, c);
    return {
      caseId: c.id,
      caseNumber: c.number,
      documents: documents.map((d) => ({ ...d, date: d.date.toISOString(), sections: d.sections.map(({ key, heading }) => ({ key, heading })) })),
    };
  }

  async export(actor: Actor, command: AccessToFilesCommand): Promise<{ pdf: Buffer; caseNumber: string }> {
    const now = this.clock.now();
    const { c, documents, journalNumber, hash } = await this.db.transaction(async (manager) => {
      const c = await this.caseFor(actor, manager, command.caseId);
      const documents = await this.reader.documents(manager, c);
      assertWithheldExist(command.withheld, documents);
      const journalNumber = (await this.journal.findCase(manager, c.id))?.journalNumber ?? null;
      const event = await this.audit.append(manager, {
        actor,
        action: 'case.access_to_files_exported',
        subject: { type: 'case', id: c.number },
        payload: { caseId: c.id, basis: command.basis, requester: command.requester, documents: documents.length, withheld: command.withheld.map((w) => ({ ...w })) },
      });
      return { c, documents, journalNumber, hash: event.hash };
    });
    const pdf = await renderPdf(
      {
        language: 'da',
        title: `Aktindsigt i sag ${c.number}`,
        letterhead: [
          'Ét kontaktpunkt for sundhedsdata (Sundhedsdatastyrelsen)',
          `Sagsnummer ${c.number}${journalNumber ? ` · journalnummer ${journalNumber}` : ''}`,
          `Anmoder: ${command.requester}`,
          `Grundlag: ${BASIS_LAW[command.basis]}`,
          `Udleveret ${copenhagenDateOf(now)}`,
        ],
        sections: [
          { heading: 'Dokumentliste', paragraphs: documents.map((d, i) => logLine(i + 1, d, command.withheld)), bullets: true },
          ...documents.map((d, i) => ({ heading: `Dokument ${i + 1}: ${d.title}`, paragraphs: documentText(d, command.withheld) })),
        ],
        footer: `Aktindsigt i sag ${c.number} · revisionsspor ${hash}`,
      },
      now,
    );
    return { pdf, caseNumber: c.number };
  }

  private async caseFor(actor: Actor, manager: EntityManager, caseId: string): Promise<CaseRecord> {
    if (!FILE_KEEPERS.includes(actor.role)) throw new ForbiddenError('Only the contact point’s caseworkers and legal approvers give access to files.');
    const c = await this.cases.find(manager, caseId);
    if (!c) throw new NotFoundError('case', caseId);
    return c;
  }
}

function wholeDocument(d: CaseFileDocument, withheld: WithheldPart[]): WithheldPart | undefined {
  return withheld.find((w) => w.document === d.key && !w.section);
}

function logLine(n: number, d: CaseFileDocument, withheld: WithheldPart[]): string {
  const head = `${n}. ${copenhagenDateOf(d.date)} ${d.title} (${DIRECTION_DA[d.direction]}${d.documentNumber ? `, ${d.documentNumber}` : ''})`;
  const whole = wholeDocument(d, withheld);
  if (whole) return `${head}: undtaget efter ${EXEMPTIONS[whole.exemption].citation}`;
  const parts = withheld.filter((w) => w.document === d.key);
  if (parts.length > 0) return `${head}: delvis udleveret; undtaget efter ${[...new Set(parts.map((w) => EXEMPTIONS[w.exemption].citation))].join('; ')}`;
  return `${head}: udleveret`;
}

function documentText(d: CaseFileDocument, withheld: WithheldPart[]): string[] {
  const whole = wholeDocument(d, withheld);
  if (whole) return [withheldMarker(whole.exemption)];
  return d.sections.map((s) => {
    const part = withheld.find((w) => w.document === d.key && w.section === s.key);
    return `${s.heading}: ${part ? withheldMarker(part.exemption) : s.text}`;
  });
}

/** Every withheld part must name a document of this case file and, if given, one of its sections. */
function assertWithheldExist(withheld: WithheldPart[], documents: CaseFileDocument[]): void {
  const byKey = new Map(documents.map((d) => [d.key, d]));
  const errors: FieldError[] = withheld.flatMap((w, i): FieldError[] => {
    const d = byKey.get(w.document);
    if (!d) return [{ field: `withheld[${i}].document`, messages: ['is not a document of this case file'], rule: 'document-of-case' }];
    if (w.section && !d.sections.some((s) => s.key === w.section)) {
      return [{ field: `withheld[${i}].section`, messages: [`is not a section of ${w.document}`], rule: 'section-of-document', args: { sections: d.sections.map((s) => s.key).join(', ') } }];
    }
    return [];
  });
  if (errors.length) throw new ValidationFailedError(`The access-to-files request has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.field).join(', ')}.`, errors);
}
