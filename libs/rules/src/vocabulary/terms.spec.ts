import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_RULES } from '../registry/test-plugin-dir';
import { mentionsByWalking, TermMatcher, termProblem, termsOf, Vocabulary } from './terms';

const mentions = (terms: string[], text: string) => new TermMatcher(terms).mentioned(text);

describe('term lists (vocabularies)', () => {
  it('matches whole words, a stem with *, across case, hyphens and punctuation', () => {
    expect(mentions(['marketing'], 'Targeted MARKETING, to users.')).toEqual(['marketing']);
    expect(mentions(['marketing'], 'marketingbureau')).toEqual([]);
    expect(mentions(['frasorter*'], 'så kunderne kan frasortere ansøgere')).toEqual(['frasorter*']);
    expect(mentions(['nikotinpose*'], 'nye nikotinposer med smag')).toEqual(['nikotinpose*']);
    expect(mentions(['re-identif*'], 'persons will be re-identified')).toEqual(['re-identif*']);
    expect(mentions(['re-identif*'], 'persons will be re identified')).toEqual(['re-identif*']);
    expect(mentions(['job applicant*'], "screening of job applicants' history")).toEqual(['job applicant*']);
  });

  it('lets … stand for up to three words, and no more', () => {
    expect(mentions(['alcoholic … drink*'], 'alcoholic drinks')).toEqual(['alcoholic … drink*']);
    expect(mentions(['alcoholic … drink*'], 'high-strength alcoholic energy drinks')).toEqual(['alcoholic … drink*']);
    expect(mentions(['nedsættelse af … hjemmehjælp*'], 'afgørelse om nedsættelse af deres hjemmehjælp')).toEqual(['nedsættelse af … hjemmehjælp*']);
    expect(mentions(['alcoholic … drink*'], 'alcoholic liver disease among people who never drink')).toEqual([]);
  });

  // The terms are compiled into regular expressions; reading the text word by word is the reference.
  it('answers as reading the text word by word does, for any terms and text', () => {
    const words = ['alcoholic', 'drink', 'drinks', 'energy', 're', 'identified', 'nedsættelse', 'af', 'Æble', 'æblerne', 'x1', 'ĳ'];
    const word = fc.constantFrom(...words);
    const separator = fc.constantFrom(' ', '-', ', ', '  ', '. ', '\n', '’');
    const text = fc.array(fc.tuple(word, separator), { maxLength: 12 }).map((pairs) => pairs.map(([w, s]) => w + s).join(''));
    const termWord = word.chain((w) => fc.oneof(fc.constant(w.toLowerCase()), fc.integer({ min: 1, max: w.length }).map((n) => `${w.slice(0, n)}*`)));
    const term = fc.array(fc.tuple(termWord, fc.constantFrom(' ', ' … ', '-', ' ... ')), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join(''))
      .filter((t) => termProblem(t) === undefined);
    fc.assert(
      fc.property(fc.array(term, { maxLength: 6 }), text, (terms, t) => {
        const matcher = new TermMatcher(terms);
        const walked = terms.filter((x) => mentionsByWalking(x, t));
        expect(matcher.mentioned(t)).toEqual(walked);
        expect(matcher.mentionsAny(t)).toBe(walked.length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses terms a matcher cannot use', () => {
    expect(termProblem('')).toBeDefined();
    expect(termProblem('… drinks')).toBeDefined();
    expect(termProblem('*')).toBeDefined();
    expect(termProblem('mar*keting')).toBeDefined();
    expect(termProblem('alcoholic … drink*')).toBeUndefined();
  });

  // The shipped word lists against the texts of issue 10: harmful uses flagged, research on harm not.
  describe('the common plugin’s art. 54 vocabularies', () => {
    const vocabularies = JSON.parse(readFileSync(join(SHIPPED_RULES, 'common/rules.json'), 'utf8')).vocabularies as Record<string, Vocabulary>;
    const matcher = (name: string) => new TermMatcher(termsOf(vocabularies[name]));
    const harm = matcher('research-on-harm');
    const flagged = (name: string, text: string) => matcher(name).mentionsAny(text) && !harm.mentionsAny(text);

    it.each([
      ['art54-a-detrimental-decisions', 'Udvikling af en model, så kommunerne kan træffe afgørelse om nedsættelse af deres hjemmehjælp.'],
      ['art54-b-discrimination', 'Analyse af sygdomshistorik hos jobansøgerne, så vores kunder kan frasortere ansøgere.'],
      ['art54-b-discrimination', 'To train a model that prices critical-illness insurance premiums from prior cancer diagnoses.'],
      ['art54-c-marketing', 'Målrettet markedsføring af vores kosttilskud til personer med type 2-diabetes.'],
      ['art54-d-harmful-products', 'Udvikling af nye nikotinposer, der appellerer til unge brugere, baseret på deres rygestopforsøg.'],
      ['art54-e-national-ethics', 'A score to select embryos for height and eye colour.'],
    ])('%s flags “%s”', (name, text) => expect(flagged(name, text)).toBe(true));

    it.each([
      'To study the incidence of and mortality from alcohol-related liver disease (alkoholisk leversygdom) in order to target alcohol prevention.',
      'To compare sustained smoking cessation (rygestop) after varenicline and nicotine replacement therapy.',
      'Undersøgelse af forskelsbehandling af kræftoverlevere: om tidligere kræftpatienter afvises eller får dyrere forsikringer.',
      'To study mortality among persons with opioid addiction in order to improve addiction treatment.',
      'Analysis for a policy proposal on hospital waiting times and the use of private health insurance.',
    ])('flags no art. 54 use in research on harm: “%s”', (text) => {
      const names = Object.keys(vocabularies).filter((n) => n.startsWith('art54-') && n !== 'art54-d-harmful-products');
      const products = matcher('art54-d-harmful-products').mentionsAny(text) && matcher('product-development').mentionsAny(text);
      expect({ text, flagged: names.filter((n) => flagged(n, text)), products: products && !harm.mentionsAny(text) }).toEqual({ text, flagged: [], products: false });
    });
  });
});
