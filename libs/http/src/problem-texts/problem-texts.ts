import type { FieldError } from '@kp/errors';
import { createInstance, i18n } from 'i18next';
import { DA } from './da';
import { EN } from './en';

/** The languages problems are written in; the first is the default (the API serves Danish authorities and researchers). */
export const PROBLEM_LANGUAGES = ['da', 'en'] as const;
export type ProblemLanguage = (typeof PROBLEM_LANGUAGES)[number];

/** One language's texts: a title per problem type, detail templates, field messages by rule, and nouns for `what`. */
export interface ProblemTexts {
  title: Record<string, string>;
  detail: Record<string, string>;
  field: Record<string, string>;
  definite: Record<string, string>;
  noun: Record<string, string>;
}

export const PROBLEM_TEXTS: Record<ProblemLanguage, ProblemTexts> = { da: DA, en: EN };

/**
 * i18next (the library the web console uses too) rather than nestjs-i18n: the filter words problems
 * raised before any Nest context exists (a body refused by the parser, a token refused by the
 * guard), so the texts must be at hand without dependency injection or a request-scoped context.
 * i18next over the catalogues in da.ts and en.ts, initialised synchronously (the resources are in
 * memory). Interpolated values are not HTML-escaped: problems are JSON, not markup. A key missing in
 * the language asked for is missing, not English: the caller chooses its own fallback.
 */
const translator: i18n = createInstance();
void translator.init({
  resources: { da: { translation: DA }, en: { translation: EN } },
  lng: 'da',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  keySeparator: '.',
  nsSeparator: false,
  returnNull: false,
});

/** The text under `key` in `language` with `values` filled in; undefined when that language has none. */
export function problemText(language: ProblemLanguage, key: string, values: Record<string, unknown> = {}): string | undefined {
  return translator.exists(key, { ...values, lng: language }) ? translator.t(key, { ...values, lng: language }) : undefined;
}

/** The language of a request's problems, by Accept-Language (RFC 9110 §12.5.4, weights honoured); Danish when it names neither. */
export function problemLanguage(request: { acceptsLanguages?(...languages: string[]): string | false }): ProblemLanguage {
  const chosen = request.acceptsLanguages?.(...PROBLEM_LANGUAGES);
  return chosen === 'en' ? 'en' : 'da';
}

/** Field errors as answered: one message each, in the language asked for where a rule names it, else the English message. */
export function localisedFieldErrors(language: ProblemLanguage, errors: FieldError[]): { field: string; messages: string[] }[] {
  return errors.map(({ field, messages, rule, args }) => ({
    field,
    messages: [(rule && problemText(language, `field.${rule}`, args)) || messages[0]],
  }));
}
