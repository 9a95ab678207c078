import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JournalCaseRecord, JournalDocumentRecord } from './journal-records';
import { RecordsSystem } from './records-system.port';

const DIRECTION: Record<JournalDocumentRecord['direction'], string> = { incoming: 'Indgående', outgoing: 'Udgående', internal: 'Internt' };
const DOCUMENT_TYPE: Record<JournalDocumentRecord['kind'], string> = {
  application: 'Ansøgning',
  supplement_request: 'Anmodning om supplerende oplysninger',
  supplement_answer: 'Supplerende oplysninger',
  hearing: 'Partshøring',
  hearing_answer: 'Høringssvar',
  decision: 'Afgørelse',
  permit: 'Tilladelse',
  attachment: 'Bilag',
};

/**
 * The records-system adapter that writes a standard export for the ESDH to collect: one JSON file
 * per case (`sag-<journalnummer>.json`) and per document (`dokument-<dokumentnummer>.json`) in
 * `JOURNAL_EXPORT_DIR`, with metadata named after the common public-sector service definitions
 * (FESD: Sag, Dokument, Part, Klassifikation). Each file is written under a temporary name and
 * renamed, so the collector never reads half a file; writing the same registration again replaces
 * it with the same content.
 */
@Injectable()
export class FesdFileExport extends RecordsSystem {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  journalNumber(caseNumber: string): string {
    return `${this.config.records.journalNumberPrefix}${caseNumber}`;
  }

  async registerCase(c: JournalCaseRecord): Promise<void> {
    await this.write(`sag-${c.journalNumber}.json`, { Sag: sag(c) });
  }

  async registerDocument(c: JournalCaseRecord, d: JournalDocumentRecord): Promise<void> {
    await this.write(`dokument-${d.documentNumber}.json`, {
      Sag: { Journalnummer: c.journalNumber, Sagsnummer: c.caseNumber },
      Dokument: {
        Dokumentnummer: d.documentNumber,
        Loebenummer: d.sequence,
        Titel: d.title,
        Dokumenttype: DOCUMENT_TYPE[d.kind],
        Retning: DIRECTION[d.direction],
        Dokumentdato: d.documentDate.toISOString(),
        Registreringsdato: d.registeredAt.toISOString(),
        KildeId: d.documentId,
      },
    });
  }

  private async write(name: string, body: object): Promise<void> {
    const dir = this.config.records.journalExportDir;
    const target = join(dir, name);
    const content = JSON.stringify({ Format: 'kontaktpunkt-fesd-journal/1', ...body }, null, 2);
    // The directory is made when a write finds it missing, not before every file (issue 17: a
    // mkdir per file was CPU in the submit benchmark's profile).
    await writeFile(`${target}.partial`, content, { mode: 0o640 }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await writeFile(`${target}.partial`, content, { mode: 0o640 });
    });
    await rename(`${target}.partial`, target);
  }
}

function sag(c: JournalCaseRecord) {
  return {
    Journalnummer: c.journalNumber,
    Sagsnummer: c.caseNumber,
    Titel: c.title,
    Sagsdato: c.openedAt.toISOString(),
    Registreringsdato: c.registeredAt.toISOString(),
    // The case's subject: access to health data for secondary use (EHDS chapter IV).
    Klassifikation: { Facet: 'Emne', Tekst: 'Adgang til sundhedsdata til sekundær anvendelse' },
  };
}
