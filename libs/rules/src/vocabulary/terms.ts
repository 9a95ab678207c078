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
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
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

/** A compiled term list: which of its terms a text mentions. */
export class TermMatcher {
  private readonly parsed: { term: string; parts: TermPart[] }[];

  constructor(terms: readonly string[]) {
    this.parsed = terms.map((term) => ({ term, parts: parseTerm(term) }));
  }

  /** The terms the text mentions, in list order. */
  mentioned(text: string): string[] {
    const words = wordsOf(text);
    return this.parsed.filter(({ parts }) => words.some((_, i) => matchesAt(words, i, parts))).map(({ term }) => term);
  }

  mentionsAny(text: string): boolean {
    const words = wordsOf(text);
    return this.parsed.some(({ parts }) => words.some((_, i) => matchesAt(words, i, parts)));
  }
}

/** Every term of a vocabulary, both languages. */
export const termsOf = (vocabulary: Vocabulary): string[] => [...vocabulary.da, ...vocabulary.en];
