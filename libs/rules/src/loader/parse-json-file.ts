import { readFile } from 'node:fs/promises';
import { LoadProblem } from '../domain/rule-set';

export type ParsedFile = { ok: true; data: unknown } | { ok: false; problem: LoadProblem };

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line} column ${column}`;
}

/** Parses JSON text; malformed JSON becomes a problem naming the file, `$` and the line and column. */
export function parseJsonText(file: string, text: string): ParsedFile {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` (${lineAndColumn(text, Number(position[1]))})` : '';
    return { ok: false, problem: { file, path: '$', problem: `malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}${where}` } };
  }
}

export async function readJsonFile(file: string, displayName: string): Promise<ParsedFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: { file: displayName, path: '$', problem: code === 'ENOENT' ? 'file is missing' : `cannot read file: ${code}` } };
  }
  return parseJsonText(displayName, text);
}
