import { InForce, isInForce, LawDate, OutputControl } from '@kp/rules';

/** EHDS chapter IV (secondary use) applies from this date (art. 105). */
export const EHDS_SECONDARY_USE_FROM: LawDate = '2029-03-26';

export const PERMIT_CONDITION_CODES = ['PC-NAMED-USERS-ONLY', 'PC-NO-REIDENTIFICATION', 'PC-PUBLISH-RESULTS', 'PC-ANONYMISED-OUTPUT-ONLY'] as const;
export type PermitConditionCode = (typeof PERMIT_CONDITION_CODES)[number];

/**
 * A standard condition of a permit, stored with the decision and the permit as it read on the
 * decision date (both are immutable once issued). `binding: false` marks a duty that informs only:
 * one the law of the decision date does not yet impose (e.g. EHDS art. 61(4) before 2029).
 */
export interface PermitCondition {
  code: PermitConditionCode;
  binding: boolean;
  text: { da: string; en: string };
  /** The provision or terms the condition rests on at the decision date. */
  legalReference: string;
  /** What changes on a later date, e.g. the EHDS article that takes over from 26 March 2029. */
  note?: { da: string; en: string };
  /** The small-cell rule quoted (the anonymised-output condition only); null when the source states none. */
  minimumCellSize?: number | null;
}

interface ConditionTemplate {
  code: PermitConditionCode;
  inForce: InForce;
  build(outputControl: OutputControl | undefined): Omit<PermitCondition, 'code'>;
}

const BEFORE_EHDS: InForce = { until: EHDS_SECONDARY_USE_FROM };
const FROM_EHDS: InForce = { from: EHDS_SECONDARY_USE_FROM };
const fromEhds = (article: string) => ({ da: `Fra 26. marts 2029: EHDS art. ${article}.`, en: `From 26 March 2029: EHDS art. ${article}.` });
/** The holders' research-service terms are cited as LEGAL.md gives them; their exact wording is not yet confirmed. */
const HOLDER_TERMS = "the data holder's terms of access (Sundhedsdatastyrelsen, Forskerservice, for the national registers) [check wording]";

const namedUsers = { da: 'Kun de personer, der er navngivet i tilladelsen, må få adgang til data; data må ikke gøres tilgængelige for andre.', en: 'Only the persons named in the permit may access the data; no one else may be given access to them.' };
const noReidentification = {
  da: 'Data må ikke bruges til at genidentificere nogen eller til foranstaltninger eller afgørelser over for enkeltpersoner.',
  en: 'The data must not be used to re-identify anyone, nor for measures or decisions concerning individuals.',
};

function anonymisedOutput(outputControl: OutputControl | undefined): { text: PermitCondition['text']; minimumCellSize: number | null } {
  const n = outputControl?.minimumCellSize;
  if (n === undefined) {
    return {
      minimumCellSize: null,
      text: { da: 'Kun anonymiserede resultater må tages ud af analysemiljøet.', en: 'Only anonymised results may leave the analysis environment.' },
    };
  }
  return {
    minimumCellSize: n,
    text: {
      da: `Kun anonymiserede resultater må tages ud af analysemiljøet: intet resultat (tabelcelle, optælling, figur) må bygge på færre end ${n} personer.`,
      en: `Only anonymised results may leave the analysis environment: no result (table cell, count, figure) may rest on fewer than ${n} persons.`,
    },
  };
}

const smallCellRule = (outputControl: OutputControl | undefined) => (outputControl ? `; ${outputControl.legalReference}` : '');

/**
 * Every permit's standard conditions (issue 10), by the law in force on the decision date. Before
 * 26 March 2029 they rest on what binds a user today — databeskyttelsesloven § 10 stk. 1–3, GDPR
 * art. 9(2)(j) with art. 89 and the holders' terms — and name the EHDS article as information; the
 * publication duty of art. 61(4) has no Danish counterpart yet, so it only informs. From that date
 * EHDS arts. 61(2)–(4) and 73 bind (LEGAL.md).
 */
const TEMPLATES: readonly ConditionTemplate[] = [
  {
    code: 'PC-NAMED-USERS-ONLY',
    inForce: BEFORE_EHDS,
    build: () => ({ binding: true, text: namedUsers, legalReference: `Databeskyttelsesloven § 10 stk. 3; ${HOLDER_TERMS}`, note: fromEhds('61(2)') }),
  },
  { code: 'PC-NAMED-USERS-ONLY', inForce: FROM_EHDS, build: () => ({ binding: true, text: namedUsers, legalReference: 'EHDS art. 61(2)' }) },
  {
    code: 'PC-NO-REIDENTIFICATION',
    inForce: BEFORE_EHDS,
    build: () => ({
      binding: true,
      text: noReidentification,
      legalReference: `Databeskyttelsesloven § 10 stk. 1–2; GDPR art. 9(2)(j) and art. 89(1); ${HOLDER_TERMS}`,
      note: fromEhds('61(3)'),
    }),
  },
  { code: 'PC-NO-REIDENTIFICATION', inForce: FROM_EHDS, build: () => ({ binding: true, text: noReidentification, legalReference: 'EHDS art. 61(3)' }) },
  {
    code: 'PC-PUBLISH-RESULTS',
    inForce: BEFORE_EHDS,
    build: () => ({
      binding: false,
      text: {
        da: 'Fra 26. marts 2029 skal resultaterne gøres offentligt tilgængelige senest 18 måneder efter, at databehandlingen er afsluttet.',
        en: 'From 26 March 2029 the results must be made public no later than 18 months after the data processing is completed.',
      },
      legalReference: 'EHDS art. 61(4), applicable from 26 March 2029 (art. 105)',
    }),
  },
  {
    code: 'PC-PUBLISH-RESULTS',
    inForce: FROM_EHDS,
    build: () => ({
      binding: true,
      text: {
        da: 'Resultaterne skal gøres offentligt tilgængelige senest 18 måneder efter, at databehandlingen er afsluttet.',
        en: 'The results must be made public no later than 18 months after the data processing is completed.',
      },
      legalReference: 'EHDS art. 61(4)',
    }),
  },
  {
    code: 'PC-ANONYMISED-OUTPUT-ONLY',
    inForce: BEFORE_EHDS,
    build: (outputControl) => ({
      binding: true,
      ...anonymisedOutput(outputControl),
      legalReference: `Databeskyttelsesloven § 10 stk. 2–3${smallCellRule(outputControl)}`,
      note: fromEhds('73 (only non-personal data leave the secure processing environment; recital 77) [check paragraph]'),
    }),
  },
  {
    code: 'PC-ANONYMISED-OUTPUT-ONLY',
    inForce: FROM_EHDS,
    build: (outputControl) => ({
      binding: true,
      ...anonymisedOutput(outputControl),
      legalReference: `EHDS art. 73 and recital 77 [check paragraph]${smallCellRule(outputControl)}`,
    }),
  },
];

/** The standard conditions of an approval on `lawDate`, quoting the source's small-cell rule. */
export function permitConditionsOn(lawDate: LawDate, outputControl: OutputControl | undefined): PermitCondition[] {
  return TEMPLATES.filter((t) => isInForce(t.inForce, lawDate)).map((t) => ({ code: t.code, ...t.build(outputControl) }));
}

/**
 * The permit's standard conditions: those of every approved part, once each. Parts from holders
 * with different small-cell rules keep each holder's condition (each holder's terms bind its data).
 */
export function mergePermitConditions(lists: readonly (readonly PermitCondition[])[]): PermitCondition[] {
  const seen = new Map<string, PermitCondition>();
  for (const c of lists.flat()) {
    const key = JSON.stringify([c.code, c.text, c.legalReference, c.binding]);
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}
