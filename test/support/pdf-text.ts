import { execFile } from 'node:child_process';

/**
 * The text of a PDF as a reader sees it (pdf-parse on Mozilla's pdf.js), line breaks and wrapping
 * folded into single spaces. pdf.js loads its worker as an ES module, which Jest's CommonJS
 * runtime cannot import, so the extraction runs in a plain Node process.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const { text } = await parser.getText();
      await parser.destroy();
      process.stdout.write(text);
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`pdf-parse failed: ${stderr || error.message}`)) : resolve(stdout.replace(/\s+/g, ' ')),
    );
    child.stdin!.end(pdf);
  });
}

/** supertest: keep a binary body as a Buffer (the response is Node's IncomingMessage; superagent types it loosely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function binary(res: any, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
