import PDFDocument from 'pdfkit';

/** One heading with its paragraphs (or bullet lines). */
export interface DocumentSection {
  heading: string;
  paragraphs: string[];
  bullets?: boolean;
}

/** What a letter or permit says, already in its reader's language. */
export interface DocumentContent {
  language: 'da' | 'en';
  title: string;
  /** Lines under the title: authority, case and permit numbers, date. */
  letterhead: string[];
  sections: DocumentSection[];
  /** Printed at the foot of every page: the audit hash that ties the paper to the trail. */
  footer: string;
}

/**
 * Renders a document to PDF with pdfkit and its built-in Helvetica (one of the 14 standard PDF
 * fonts, whose metrics ship inside pdfkit: no network and no system font is read). Nothing in the
 * output depends on the moment of rendering except `creationDate` (and the file identifier pdfkit
 * derives from it), so the same content gives the same bytes — a printed letter can be compared
 * with one rendered again from the record.
 */
export function renderPdf(content: DocumentContent, creationDate: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 72, left: 64, right: 64 },
      bufferPages: true,
      lang: content.language,
      displayTitle: true,
      info: { Title: content.title, Author: 'kontaktpunkt', Creator: 'kontaktpunkt', Producer: 'kontaktpunkt', CreationDate: creationDate, ModDate: creationDate },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(16).text(content.title);
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(10);
    for (const line of content.letterhead) doc.text(line);
    for (const section of content.sections) {
      doc.moveDown(0.8);
      doc.font('Helvetica-Bold').fontSize(12).text(section.heading);
      doc.moveDown(0.2);
      doc.font('Helvetica').fontSize(10);
      if (section.bullets) doc.list(section.paragraphs, { bulletRadius: 1.5, paragraphGap: 2 });
      else for (const paragraph of section.paragraphs) doc.text(paragraph, { paragraphGap: 4 });
    }

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      // Writing into the bottom margin would add a page; lift the margin while the footer is written.
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(7).text(`${content.footer} · ${i + 1}/${range.count}`, doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        lineBreak: true,
      });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}
