import { AppConfig } from '@kp/config';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FesdFileExport } from './fesd-file-export';
import { JournalCaseRecord } from './journal-records';

describe('FesdFileExport', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'kp-fesd-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const exportTo = (dir: string) => new FesdFileExport({ records: { journalExportDir: dir, journalNumberPrefix: 'KP-' } } as AppConfig);
  const c: JournalCaseRecord = {
    caseId: '6f1c8a52-0a8e-4f4a-9d43-2f5c3e1f9b10',
    caseNumber: 'EK-2026-000001',
    journalNumber: 'KP-EK-2026-000001',
    title: 'Ansøgning om adgang til sundhedsdata: Stroke',
    openedAt: new Date('2026-09-01T08:00:00.000Z'),
    registeredAt: new Date('2026-09-01T08:00:05.000Z'),
  };

  it('makes the export directory when it is missing, and writes into it when it is there, leaving no partial file', async () => {
    const dir = join(root, 'not', 'yet', 'made');
    const records = exportTo(dir);
    await records.registerCase(c);
    await records.registerDocument(c, {
      id: 'd1', caseId: c.caseId, sequence: 1, documentNumber: `${c.journalNumber}-001`, kind: 'application', documentId: 'a1',
      title: 'Ansøgning: Stroke', direction: 'incoming', documentDate: c.openedAt, registeredAt: c.registeredAt,
    });
    expect(readdirSync(dir).sort()).toEqual([`dokument-${c.journalNumber}-001.json`, `sag-${c.journalNumber}.json`]);
    expect(JSON.parse(readFileSync(join(dir, `sag-${c.journalNumber}.json`), 'utf8')).Sag).toMatchObject({ Journalnummer: c.journalNumber, Sagsnummer: c.caseNumber });
    expect(JSON.parse(readFileSync(join(dir, `dokument-${c.journalNumber}-001.json`), 'utf8')).Dokument).toMatchObject({ Loebenummer: 1, Retning: 'Indgående' });
  });

  it('fails when the directory cannot be made, so the job rolls back and is retried', async () => {
    writeFileSync(join(root, 'a-file'), '');
    await expect(exportTo(join(root, 'a-file', 'journal')).registerCase(c)).rejects.toThrow(/ENOTDIR/);
    await expect(exportTo(join(root, 'a-file', 'journal', 'deeper')).registerCase(c)).rejects.toThrow(/ENOTDIR/);
  });
});
