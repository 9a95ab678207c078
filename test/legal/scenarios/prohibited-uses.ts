import { abstain, applicant, application, approve, deny, finding, PROJECT_AFTER_EHDS, request, researcher } from '../build';
import { variables } from '../catalogue';
import { Scenario } from '../model';
import { FICTIONAL, REAL } from '../organisations';
import { AFTER_EHDS, BEFORE_EHDS, CENTRAL, DBL_10, EHDS_54, EHDS_61_3, GDPR_5_1_E } from '../provisions';

/** LEGAL.md: before 26 March 2029 a use art. 54 will prohibit is already outside dbl § 10 stk. 1 and GDPR art. 9(2)(j). */
const OUTSIDE_DBL_10 = 'dbl § 10 stk. 1 allows sensitive data only for statistical or scientific studies of significant societal importance, and a use art. 54 will prohibit is outside it already before 26 March 2029 (LEGAL.md, EHDS)';
const EHDS_INFORMS = 'before 26 March 2029 the EHDS article informs and Danish law decides (LEGAL.md, EHDS; art. 105)';
const TEXT_ABSTAINS = 'purpose text that suggests a prohibited use is for a caseworker to judge: abstain, not deny (issue 10, prohibited uses)';
const HARM_RESEARCH = 'art. 54(1) prohibits using health data for harmful decisions and products, not research on harm; scientific research of significant societal importance is a permitted purpose (EHDS art. 53(1)(e); dbl § 10 stk. 1)';

export const prohibitedUses: Scenario[] = [
  // --- by declaration: deny -----------------------------------------------------------------
  {
    name: 'an insurer that will not declare its use free of prohibited purposes is denied under dbl § 10 before 26 March 2029',
    covers: 'art. 54(1)(b) by declaration, before 2029: deny on dbl § 10 stk. 1; EHDS art. 54 as information',
    on: BEFORE_EHDS,
    application: application({
      title: 'Hospital history as a risk factor in life insurance',
      purpose: 'To describe how earlier hospital admissions relate to later claims among our policyholders.',
      applicant: applicant(FICTIONAL.insurer, 'Jesper Holm', 'jh@tryghedliv.dk'),
      declarations: { noProhibitedUse: false, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
      dataRequests: [request('lpr', { population: 'Adults admitted to hospital 2010–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: deny(OUTSIDE_DBL_10),
        cites: [finding(DBL_10, OUTSIDE_DBL_10, { verdict: 'deny' }), finding(EHDS_54, EHDS_INFORMS)],
      },
    },
  },
  {
    name: 'a recruiter screening job applicants, prohibited use declared, is denied — and the deny is not hidden by a retention question (from 26 March 2029)',
    covers: 'art. 54(1)(b) by declaration after 2029: deny; deny outranks an abstain on retention',
    on: AFTER_EHDS,
    application: application({
      title: 'Medicine use and sickness absence among job applicants',
      purpose: "Screening of job applicants' medicine history so that client companies can assess their expected sickness absence before an offer.",
      applicant: applicant(FICTIONAL.recruiter, 'Camilla Berg', 'cb@personaleprofil.dk'),
      declarations: { noProhibitedUse: false, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
      projectPeriod: PROJECT_AFTER_EHDS,
      retentionUntil: '2034-06-30',
      dataRequests: [request('lmdb', { population: 'Persons aged 18–67 with a prescription 2015–2025' })],
    }),
    expect: {
      lmdb: {
        track: CENTRAL,
        verdict: deny('a declaration that the use is not free of art. 54 denies, and deny outranks abstain (issue 10; DESIGN.md §3 verdicts)'),
        cites: [
          finding(EHDS_54, 'EHDS art. 54(1)(b): decisions on job offers are a prohibited use, in force from 26 March 2029', { verdict: 'deny' }),
          finding(GDPR_5_1_E, 'keeping data after the project period needs a stated reason (GDPR art. 5(1)(e); LEGAL.md retention)', { verdict: 'abstain' }),
        ],
      },
    },
  },
  {
    name: 'a fertility clinic selecting embryos for non-medical traits, prohibited use declared, is denied (from 26 March 2029)',
    covers: 'art. 54(1)(e) conflict with national ethics, by declaration after 2029: deny',
    on: AFTER_EHDS,
    application: application({
      title: 'Embryo selection score',
      purpose: 'Development of a score to select embryos for height and eye colour for clinic customers, using parents\' hospital histories.',
      applicant: applicant(FICTIONAL.fertility, 'Louise Dam', 'ld@genvalg.dk'),
      declarations: { noProhibitedUse: false, noReidentification: true, significantSocietalImportance: true, noStigmatisation: true },
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lpr', { population: 'Persons treated for infertility 2010–2025 and their partners' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: deny('EHDS art. 54(1)(e): activities in conflict with ethical provisions of national law are prohibited; a declaration that the use is not free of art. 54 denies'),
        cites: [finding(EHDS_54, 'EHDS art. 54(1)(e), in force from 26 March 2029', { verdict: 'deny' })],
      },
    },
  },

  // --- by purpose text: abstain -----------------------------------------------------------
  {
    name: 'a model to cut citizens’ home care from predicted health costs is held for a caseworker under dbl § 10 (Danish text, before 26 March 2029)',
    covers: 'art. 54(1)(a) detrimental decisions suggested by Danish purpose text, before 2029: abstain on dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      title: 'Forventede sundhedsudgifter og hjemmehjælp',
      purpose: 'Udvikling af en model, der udpeger borgere med høje forventede sundhedsudgifter, så kommunerne kan træffe afgørelse om nedsættelse af deres hjemmehjælp.',
      applicant: applicant(FICTIONAL.municipalAnalytics, 'Henrik Lund', 'hl@styringsanalyse.dk'),
      dataRequests: [request('lpr', { population: 'Borgere over 65 år med mindst én indlæggelse 2015–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: abstain(TEXT_ABSTAINS),
        cites: [finding(DBL_10, `${OUTSIDE_DBL_10}; art. 54(1)(a) decisions detrimental to persons`, { verdict: 'abstain' })],
      },
    },
  },
  {
    name: 'pricing critical-illness insurance from prior cancer diagnoses is held for a caseworker (English text, from 26 March 2029)',
    covers: 'art. 54(1)(b) insurance pricing suggested by English purpose text, after 2029: abstain on EHDS art. 54',
    on: AFTER_EHDS,
    application: application({
      title: 'Cancer history and critical-illness claims',
      purpose: 'To train a model that prices critical-illness insurance premiums from applicants’ prior cancer diagnoses.',
      applicant: applicant(FICTIONAL.insurer, 'Jesper Holm', 'jh@tryghedliv.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('cancer', { population: 'Persons with a cancer diagnosis 2010–2025' })],
    }),
    expect: {
      cancer: {
        track: CENTRAL,
        verdict: abstain(TEXT_ABSTAINS),
        cites: [finding(EHDS_54, 'EHDS art. 54(1)(b): excluding from or pricing insurance on health data, in force from 26 March 2029', { verdict: 'abstain' })],
      },
    },
  },
  {
    name: 'sorting out job applicants by sickness history is held for a caseworker under dbl § 10 (Danish text, before 26 March 2029)',
    covers: 'art. 54(1)(b) job offers suggested by Danish purpose text (inflected words), before 2029: abstain on dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      title: 'Sygdomshistorik og sygefravær',
      purpose: 'Analyse af sygdomshistorik hos jobansøgerne, så vores kunder kan frasortere ansøgere med høj risiko for sygefravær inden ansættelsen.',
      applicant: applicant(FICTIONAL.recruiter, 'Camilla Berg', 'cb@personaleprofil.dk'),
      dataRequests: [request('lpr', { population: 'Personer i alderen 18–67 år med hospitalskontakt 2015–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: abstain(TEXT_ABSTAINS),
        cites: [finding(DBL_10, `${OUTSIDE_DBL_10}; art. 54(1)(b) decisions on job offers`, { verdict: 'abstain' })],
      },
    },
  },
  {
    name: 'marketing dietary supplements to people on diabetes medicine is held for a caseworker (Danish text, from 26 March 2029)',
    covers: 'art. 54(1)(c) marketing suggested by Danish purpose text, after 2029: abstain on EHDS art. 54',
    on: AFTER_EHDS,
    application: application({
      title: 'Kosttilskud og type 2-diabetes',
      purpose: 'Målrettet markedsføring af vores kosttilskud til personer i behandling for type 2-diabetes ud fra deres medicinforbrug.',
      applicant: applicant(FICTIONAL.supplements, 'Sara Nørgaard', 'sn@vitanord.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lmdb', { population: 'Personer med indløst recept på antidiabetika (ATC A10) 2015–2025' })],
    }),
    expect: {
      lmdb: {
        track: CENTRAL,
        verdict: abstain(TEXT_ABSTAINS),
        cites: [finding(EHDS_54, 'EHDS art. 54(1)(c): advertising or marketing, in force from 26 March 2029', { verdict: 'abstain' })],
      },
    },
  },
  {
    name: 'developing nicotine pouches that appeal to young users is held for a caseworker (Danish text, from 26 March 2029)',
    covers: 'art. 54(1)(d) tobacco and nicotine products suggested by Danish purpose text, after 2029: abstain on EHDS art. 54',
    on: AFTER_EHDS,
    application: application({
      title: 'Nye nikotinposer',
      purpose: 'Udvikling af nye nikotinposer med smagsvarianter, der appellerer til unge brugere, baseret på data om tidligere rygere og deres rygestopforsøg.',
      applicant: applicant(FICTIONAL.nicotine, 'Mikkel Friis', 'mf@nordicpouch.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lmdb', { population: 'Personer med indløst recept på rygestopmidler (ATC N07BA) 2015–2025' })],
    }),
    expect: {
      lmdb: {
        track: CENTRAL,
        verdict: abstain(TEXT_ABSTAINS),
        cites: [finding(EHDS_54, 'EHDS art. 54(1)(d): developing tobacco and nicotine products, in force from 26 March 2029', { verdict: 'abstain' })],
      },
    },
  },
  {
    name: 'designing high-strength alcoholic drinks to raise consumption is held for a caseworker under dbl § 10 (English text, before 26 March 2029)',
    covers: 'art. 54(1)(d) alcohol and addictive products suggested by English purpose text, before 2029: abstain on dbl § 10',
    on: BEFORE_EHDS,
    application: application({
      title: 'Young adults’ drinking patterns',
      purpose: 'To develop a new line of high-strength alcoholic energy drinks, using hospital data on young adults’ drinking to design products that increase consumption.',
      applicant: applicant(FICTIONAL.brewery, 'Anders Kjær', 'ak@humleogmalt.dk'),
      dataRequests: [request('lpr', { population: 'Persons aged 18–30 with an alcohol-related contact 2015–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: abstain(TEXT_ABSTAINS),
        cites: [finding(DBL_10, `${OUTSIDE_DBL_10}; art. 54(1)(d) alcohol and products designed to create addiction`, { verdict: 'abstain' })],
      },
    },
  },

  // --- research on harm: approved ---------------------------------------------------------
  {
    name: 'research on alcohol-related liver disease is approved (before 26 March 2029)',
    covers: 'research on harm (alcohol) is not a prohibited use: approve, two registers',
    on: BEFORE_EHDS,
    application: application({
      title: 'Alkoholisk leversygdom: forekomst og dødelighed',
      purpose: 'To study the incidence of and mortality from alcohol-related liver disease (alkoholisk leversygdom) in order to target alcohol prevention and early treatment.',
      dataRequests: [
        request('lpr', { population: 'Adults with a first diagnosis of alcoholic liver disease (ICD-10 K70) 2010–2025' }),
        request('dar', { population: 'The same persons, for cause and date of death' }),
      ],
    }),
    expect: {
      lpr: { track: CENTRAL, verdict: approve(HARM_RESEARCH) },
      dar: { track: CENTRAL, verdict: approve(HARM_RESEARCH) },
    },
  },
  {
    name: 'research on tobacco and nicotine cessation is approved (from 26 March 2029)',
    covers: 'research on harm (tobacco, nicotine) is not a prohibited use: approve after 2029',
    on: AFTER_EHDS,
    application: application({
      title: 'Rygestop: varenicline and nicotine replacement',
      purpose: 'To compare sustained smoking cessation (rygestop) and cardiovascular events after varenicline and nicotine replacement therapy, to improve tobacco cessation services.',
      applicant: applicant(REAL.syddanskUniversitet, 'Jonas Krogh', 'jkrogh@health.sdu.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lmdb', { population: 'Adults redeeming smoking-cessation drugs (ATC N07BA) 2010–2025' })],
    }),
    expect: { lmdb: { track: CENTRAL, verdict: approve(HARM_RESEARCH) } },
  },
  {
    name: 'a study of insurance discrimination against cancer survivors is approved (Danish text, before 26 March 2029)',
    covers: 'research on harm (insurance discrimination) is not a prohibited use: approve',
    on: BEFORE_EHDS,
    application: application({
      title: 'Kræftoverlevere og forsikring',
      purpose: 'Undersøgelse af forskelsbehandling af kræftoverlevere på forsikringsmarkedet: om tidligere kræftpatienter afvises eller får dyrere forsikringer, som grundlag for lovgivning om retten til at blive glemt.',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Ida Winther', 'iw@jur.ku.dk'),
      dataRequests: [request('cancer', { population: 'Persons diagnosed with cancer 2000–2015 and alive five years later' })],
    }),
    expect: { cancer: { track: CENTRAL, verdict: approve(HARM_RESEARCH) } },
  },
  {
    name: 'research on opioid addiction and its treatment is approved (from 26 March 2029)',
    covers: 'research on harm (addiction) is not a prohibited use: approve, two registers, after 2029',
    on: AFTER_EHDS,
    application: application({
      title: 'Opioidafhængighed: behandling og dødelighed',
      purpose: 'To study mortality and treatment courses among persons with opioid addiction (afhængighed af opioider) in order to improve addiction treatment.',
      applicant: applicant(REAL.aalborgUniversitet, 'Rasmus Vestergaard', 'rv@dcm.aau.dk'),
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [
        request('lmdb', { population: 'Persons redeeming opioid substitution treatment (ATC N07BC) 2010–2025' }),
        request('dar', { population: 'The same persons, for cause and date of death' }),
      ],
    }),
    expect: {
      lmdb: { track: CENTRAL, verdict: approve(HARM_RESEARCH) },
      dar: { track: CENTRAL, verdict: approve(HARM_RESEARCH) },
    },
  },

  // --- re-identification: treated like a prohibited use -------------------------------------
  {
    name: 'a project that will identify patients by name is denied under dbl § 10 (before 26 March 2029)',
    covers: 're-identification declared, before 2029: deny on dbl § 10 stk. 1',
    on: BEFORE_EHDS,
    application: application({
      title: 'Readmissions at our department',
      purpose: 'To study readmissions after hip replacement; the extract will be matched with the department’s own patient lists to identify the patients by name.',
      applicant: applicant(REAL.koebenhavnsUniversitet, 'Peter Sand', 'psand@sund.ku.dk'),
      declarations: { noProhibitedUse: true, noReidentification: false, significantSocietalImportance: true, noStigmatisation: true },
      dataRequests: [request('lpr', { variables: variables('lpr', 'aktionsdiagnose', 'dato_start', 'dato_slut'), population: 'Adults with a hip replacement 2015–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: deny('re-identification is outside dbl § 10 stk. 1 and GDPR art. 9(2)(j) with art. 89 already before 2029 (LEGAL.md, EHDS)'),
        cites: [finding(DBL_10, 're-identification is outside research under dbl § 10 stk. 1 (LEGAL.md, EHDS)', { verdict: 'deny' })],
      },
    },
  },
  {
    name: 'a project that will re-identify people is denied under EHDS art. 61(3), not art. 54 (from 26 March 2029)',
    covers: 're-identification declared, after 2029: deny on EHDS art. 61(3), not art. 54',
    on: AFTER_EHDS,
    application: application({
      title: 'Cohort recruitment from register data',
      purpose: 'To follow up cardiac patients; persons in the extract will be re-identified so that they can be invited to a new trial.',
      applicant: applicant(REAL.syddanskUniversitet, 'Maja Thomsen', 'mthomsen@health.sdu.dk'),
      researchers: [researcher('Maja Thomsen', 'mthomsen@health.sdu.dk', 'Syddansk Universitet', 'DK')],
      declarations: { noProhibitedUse: true, noReidentification: false, significantSocietalImportance: true, noStigmatisation: true },
      projectPeriod: PROJECT_AFTER_EHDS,
      dataRequests: [request('lpr', { population: 'Adults with a myocardial infarction 2020–2025' })],
    }),
    expect: {
      lpr: {
        track: CENTRAL,
        verdict: deny('EHDS art. 61(3): the data user shall not re-identify; treated like a prohibited use (issue 10)'),
        cites: [finding(EHDS_61_3, 'EHDS art. 61(3), in force from 26 March 2029', { verdict: 'deny' })],
        notCited: [{ provision: EHDS_54, because: 're-identification cites art. 61(3), not art. 54 (LEGAL.md, art. 61)' }],
      },
    },
  },
];
