/**
 * Term lists a plugin keeps as data (e.g. the words that suggest a use EHDS art. 54 prohibits), and
 * how a purpose text is matched against them. A term is one or more words; a word ending in `*` is a
 * stem and matches every inflection and compound that starts with it ("frasorter*" matches
 * "frasortere", "frasorteret"; "nikotinpose*" matches "nikotinposer"); `…` between two words allows
 * up to three other words in between ("alcoholic … drink*" matches "alcoholic energy drinks").
 * Case, accents written as combining marks, punctuation and hyphens do not matter: "re-identif*"
 * matches "re-identified" and "re identified".
 */

/** A plugin's named term list, in Danish and English; both languages are searched. */
export interface Vocabulary {
  description: string;
  da: string[];
  en: string[];
}

/** The words of a text: lower-case letters and digits, split at everything else. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(NOT_WORD).filter(Boolean);
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The text's words joined by single spaces, which the compiled terms are matched against. One
 * screening asks it of the same purpose text for every `mentionsAnyOf` condition (13 in the common
 * plugin), so the last text's answer is kept.
 */
let lastText: string | undefined;
let lastLine = '';
function lineOf(text: string): string {
  if (text !== lastText) {
    lastLine = wordsOf(text).join(' ');
    lastText = text;
  }
  return lastLine;
}

type TermPart = { word: string; stem: boolean } | { gap: number };

/** The most words `…` may stand for. */
const GAP = 3;

function parseTerm(term: string): TermPart[] {
  const parts: TermPart[] = [];
  for (const piece of term.normalize('NFC').toLowerCase().trim().split(/\s+/)) {
    if (piece === '…' || piece === '...') {
      parts.push({ gap: GAP });
      continue;
    }
    for (const word of piece.split(/[^\p{L}\p{N}*]+/u).filter(Boolean)) {
      const stem = word.endsWith('*');
      parts.push({ word: stem ? word.slice(0, -1) : word, stem });
    }
  }
  return parts;
}

/** Why a term cannot be used, or undefined. */
export function termProblem(term: unknown): string | undefined {
  if (typeof term !== 'string' || term.trim() === '') return 'a term is a non-empty string';
  const parts = parseTerm(term);
  if (parts.length === 0 || !('word' in parts[0]) || !('word' in parts[parts.length - 1])) return `"${term}" must start and end with a word`;
  if (parts.some((p) => 'word' in p && (p.word === '' || p.word.includes('*')))) return `"${term}": "*" may only end a word, after at least one letter`;
  return undefined;
}

function matchesAt(words: readonly string[], at: number, parts: readonly TermPart[]): boolean {
  if (parts.length === 0) return true;
  const [part, ...rest] = parts;
  if ('gap' in part) {
    for (let skip = 0; skip <= part.gap && at + skip <= words.length; skip++) if (matchesAt(words, at + skip, rest)) return true;
    return false;
  }
  const word = words[at];
  if (word === undefined) return false;
  const ok = part.stem ? word.startsWith(part.word) : word === part.word;
  return ok && matchesAt(words, at + 1, rest);
}

/** Whether the text mentions the term, read word by word: what each compiled expression must answer (terms.spec.ts). */
export function mentionsByWalking(term: string, text: string): boolean {
  const parts = parseTerm(term);
  const words = wordsOf(text);
  return words.some((_, i) => matchesAt(words, i, parts));
}

/**
 * A valid term (termProblem) as a regular expression over `lineOf(text)`, matching where
 * `matchesAt` does: a word starts the line or follows a space, a stem's rest and each word a gap
 * skips contain no space, and an exact word ends at a space or the line's end. Undefined for a term
 * termProblem refuses (the loader never lets one through; matchesAt still answers for it).
 */
function patternOf(parts: readonly TermPart[]): string | undefined {
  if (parts.length === 0 || !('word' in parts[0]) || !('word' in parts[parts.length - 1])) return undefined;
  let pattern = '(?:^| )';
  parts.forEach((part, i) => {
    if ('gap' in part) pattern += `(?: [^ ]+){0,${part.gap}}`;
    else {
      if (i > 0) pattern += ' ';
      pattern += part.word.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&') + (part.stem ? '[^ ]*' : '');
    }
  });
  const last = parts[parts.length - 1];
  return 'word' in last && !last.stem ? `${pattern}(?= |$)` : pattern;
}

/**
 * A compiled term list: which of its terms a text mentions. The terms are compiled once, with the
 * plugin version, into regular expressions (one for the whole list), so a screening normalises
 * the text once and runs one expression per condition instead of walking every term at every word.
 */
export class TermMatcher {
  private readonly parsed: { term: string; parts: TermPart[]; pattern?: RegExp }[];
  /** Every term in one expression; undefined when a term has no pattern. */
  private readonly any?: RegExp;

  constructor(terms: readonly string[]) {
    this.parsed = terms.map((term) => {
      const parts = parseTerm(term);
      const source = patternOf(parts);
      return { term, parts, pattern: source === undefined ? undefined : new RegExp(source) };
    });
    if (this.parsed.every((p) => p.pattern)) this.any = this.parsed.length ? new RegExp(this.parsed.map((p) => `(?:${p.pattern!.source})`).join('|')) : /(?!)/;
  }

  /** The terms the text mentions, in list order. */
  mentioned(text: string): string[] {
    return this.parsed.filter((p) => this.mentions(p, text)).map(({ term }) => term);
  }

  mentionsAny(text: string): boolean {
    return this.any ? this.any.test(lineOf(text)) : this.parsed.some((p) => this.mentions(p, text));
  }

  private mentions(term: { parts: TermPart[]; pattern?: RegExp }, text: string): boolean {
    if (term.pattern) return term.pattern.test(lineOf(text));
    const words = wordsOf(text);
    return words.some((_, i) => matchesAt(words, i, term.parts));
  }
}

/** Every term of a vocabulary, both languages. */
export const termsOf = (vocabulary: Vocabulary): string[] => [...vocabulary.da, ...vocabulary.en];
