import { PROBLEM_STATUS } from '../problem-status';
import { PROBLEM_BASE, problemType } from '../problem';
import { PROBLEM_LANGUAGES, PROBLEM_TEXTS, problemLanguage, problemText } from './problem-texts';

const STATUS_SLUGS = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 431, 500, 503, 418].map((s) => problemType(s).type.slice(PROBLEM_BASE.length));

describe('problem texts', () => {
  it('give every problem type one title in each language', () => {
    for (const language of PROBLEM_LANGUAGES) {
      const missing = [...Object.keys(PROBLEM_STATUS), ...STATUS_SLUGS].filter((slug) => !PROBLEM_TEXTS[language].title[slug]);
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  it('word every domain error code in Danish (English is the error’s own sentence)', () => {
    const missing = Object.keys(PROBLEM_STATUS).filter((code) => problemText('da', `detail.${code}`, { count: 2 }) === undefined);
    expect(missing).toEqual([]);
  });

  it('pick the language by Accept-Language, Danish by default', () => {
    const asking = (header?: string) => ({ acceptsLanguages: (...offered: string[]) => (header === undefined ? offered[0] : (offered.find((l) => header.includes(l)) ?? false)) });
    expect(problemLanguage(asking())).toBe('da');
    expect(problemLanguage(asking('en-GB,en;q=0.9'))).toBe('en');
    expect(problemLanguage(asking('fr'))).toBe('da');
  });
});
