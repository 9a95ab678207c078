import type { AppealKind, AppealRoute, AppealTimeLimit, TimeLimitUnit } from '@kp/rules';

/**
 * Klagevejledning (forvaltningsloven § 25): a written decision says whether it can be appealed to
 * another administrative body, to which and within what time limit; where none exists, it says so
 * and points to the courts (grundloven § 63). The route comes from the deciding authority's entry
 * in `rules/authorities.json` — names of authorities are data, never code (LEGAL.md). An authority
 * without an entry gets guidance that sends the appeal to the deciding authority to forward, and is
 * `unknown`; every entry not confirmed against the statute is `verified: false`, shown to staff.
 */
export interface AppealGuidance {
  da: string;
  en: string;
  kind: AppealKind | 'unknown';
  appealBody: string | null;
  timeLimit: AppealTimeLimit | null;
  legalReference: string | null;
  verified: boolean;
}

const UNITS: Record<TimeLimitUnit, { da: [string, string]; en: [string, string] }> = {
  days: { da: ['dag', 'dage'], en: ['day', 'days'] },
  weeks: { da: ['uge', 'uger'], en: ['week', 'weeks'] },
  months: { da: ['måned', 'måneder'], en: ['month', 'months'] },
};
const span = (t: AppealTimeLimit, lang: 'da' | 'en') => `${t.amount} ${UNITS[t.unit][lang][t.amount === 1 ? 0 : 1]}`;

const CLOSING = {
  da: 'Oplys sagsnummeret, og begrund gerne klagen. Du kan få aktindsigt i sagen.',
  en: 'Quote the case number and, if you can, give your reasons. You may request access to the case file.',
};

function administrative(authority: string, route: AppealRoute & { body: string }): Pick<AppealGuidance, 'da' | 'en'> {
  const limit = route.timeLimit;
  return {
    da:
      `Klagevejledning: Du kan klage over afgørelsen til ${route.body}. ` +
      (limit ? `Klagen skal være modtaget senest ${span(limit, 'da')} efter, at du har fået afgørelsen. ` : 'Der er ikke fastsat en klagefrist ved lov; klag så hurtigt som muligt. ') +
      `Klagen sendes skriftligt til ${authority}, som genovervejer sagen og videresender klagen med sagens akter. ${CLOSING.da}`,
    en:
      `Appeal guidance: You may appeal this decision to ${route.body}. ` +
      (limit ? `The appeal must be received no later than ${span(limit, 'en')} after you received the decision. ` : 'No time limit is set by law; appeal as soon as you can. ') +
      `Send the appeal in writing to ${authority}, which reconsiders the case and forwards the appeal with the case file. ${CLOSING.en}`,
  };
}

function noAppeal(authority: string, route: AppealRoute): Pick<AppealGuidance, 'da' | 'en'> {
  return {
    da:
      'Klagevejledning: Afgørelsen kan ikke påklages til en anden forvaltningsmyndighed. ' +
      (route.reconsideration ? `Du kan skriftligt bede ${authority} om at genoverveje afgørelsen. ` : '') +
      `Du kan indbringe afgørelsen for domstolene (grundloven § 63). ${CLOSING.da}`,
    en:
      'Appeal guidance: This decision cannot be appealed to another administrative body. ' +
      (route.reconsideration ? `You may ask ${authority} in writing to reconsider it. ` : '') +
      `You may bring the decision before the courts (Danish Constitution § 63). ${CLOSING.en}`,
  };
}

function withoutEntry(authority: string): Pick<AppealGuidance, 'da' | 'en'> {
  return {
    da:
      `Klagevejledning: Du kan klage over afgørelsen. Klagen sendes skriftligt til ${authority}, ` +
      `som genovervejer sagen og videresender klagen til klageinstansen med sagens akter. ${CLOSING.da}`,
    en:
      `Appeal guidance: You may appeal this decision. Send the appeal in writing to ${authority}, ` +
      `which reconsiders the case and forwards the appeal with the case file to the appeal body. ${CLOSING.en}`,
  };
}

export function appealGuidance(decidingAuthority: string, route: AppealRoute | undefined): AppealGuidance {
  if (!route) return { ...withoutEntry(decidingAuthority), kind: 'unknown', appealBody: null, timeLimit: null, legalReference: null, verified: false };
  const common = { kind: route.kind, legalReference: route.legalReference, verified: route.verified };
  if (route.kind === 'administrative' && route.body) {
    return { ...administrative(decidingAuthority, { ...route, body: route.body }), ...common, appealBody: route.body, timeLimit: route.timeLimit ?? null };
  }
  return { ...noAppeal(decidingAuthority, route), ...common, appealBody: null, timeLimit: null };
}

/** A stored decision's guidance: those issued before the guidance was structured carry the text only. */
export function storedAppealGuidance(stored: Partial<AppealGuidance> & { da: string; en: string }): AppealGuidance {
  return {
    da: stored.da,
    en: stored.en,
    kind: stored.kind ?? 'unknown',
    appealBody: stored.appealBody ?? null,
    timeLimit: stored.timeLimit ?? null,
    legalReference: stored.legalReference ?? null,
    verified: stored.verified ?? false,
  };
}
