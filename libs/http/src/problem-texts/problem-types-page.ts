import { PROBLEM_BASE, problemType } from '../problem';
import { PROBLEM_STATUS } from '../problem-status';
import { PROBLEM_TEXTS } from './problem-texts';

/** What each status means, in both languages, for the page that each problem `type` URI resolves to. */
const ABOUT: Record<number, { da: string; en: string }> = {
  400: { da: 'Anmodningen er forkert udformet; `errors` nævner felterne.', en: 'The request is malformed; `errors` names the fields.' },
  401: { da: 'Der mangler et gyldigt bearer-token.', en: 'A valid bearer token is missing.' },
  403: { da: 'Din rolle må ikke gøre dette, eller du har erklæret inhabilitet.', en: 'Your role may not do this, or you declared a conflict of interest.' },
  404: { da: 'Der findes ikke noget sådant, som du har adgang til.', en: 'There is no such object that you can see.' },
  405: { da: 'Ruten tager ikke imod denne metode.', en: 'The route does not take this method.' },
  409: { da: 'Sagens eller objektets tilstand tillader det ikke nu.', en: 'The state of the case or object does not allow this now.' },
  412: { da: 'If-Match nævner en ældre version; `currentVersion` er den gemte.', en: 'If-Match names an older version; `currentVersion` is the one stored.' },
  413: { da: 'Forespørgslen er større end API’et læser.', en: 'The request body is larger than the API reads.' },
  415: { da: 'Forespørgslens indhold er ikke application/json.', en: 'The request body is not application/json.' },
  422: { da: 'Velformet, men afvist af reglerne; `errors` nævner felterne, hvor det kan.', en: 'Well-formed, but refused by the rules; `errors` names the fields where it can.' },
  428: { da: 'Anmodningen kræver en forudsætning (If-Match).', en: 'The request needs a precondition (If-Match).' },
  429: { da: 'For mange forespørgsler; vent og prøv igen.', en: 'Too many requests; wait and retry.' },
  431: { da: 'Forespørgslens headere (med adressen) er større end serveren læser.', en: 'The request headers (with the URL) are larger than the server reads.' },
  500: { da: 'Fejl hos os; oplys `requestId`.', en: 'A fault on our side; quote `requestId`.' },
  503: { da: 'En afhængighed (databasen eller køen) svarer ikke.', en: 'A dependency (the database or the queue) does not answer.' },
};

const STATUSES = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 431, 500, 503];

/** Every problem type the API answers with, and its status: the domain codes, then the types named by status alone. */
export function problemTypes(): { type: string; status: number }[] {
  const byStatus = STATUSES.map((status) => ({ type: problemType(status).type.slice(PROBLEM_BASE.length), status }));
  const codes = Object.entries(PROBLEM_STATUS).map(([type, status]) => ({ type, status }));
  return [...codes, ...byStatus.filter((s) => !(s.type in PROBLEM_STATUS))].sort((a, b) => a.type.localeCompare(b.type));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page each problem `type` resolves to: every type with its status and title, and what it means, in Danish and English. */
export function problemTypesPage(): string {
  const rows = problemTypes().map(({ type, status }) => {
    const about = ABOUT[status] ?? { da: '', en: '' };
    return `<section id="${escape(type)}" lang="da"><h2><code>${escape(type)}</code> · ${status}</h2>
<p><strong>${escape(PROBLEM_TEXTS.da.title[type] ?? '')}</strong> — ${escape(about.da)}</p>
<p lang="en"><strong>${escape(PROBLEM_TEXTS.en.title[type] ?? '')}</strong> — ${escape(about.en)}</p></section>`;
  });
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Problemtyper · Problem types — kontaktpunkt</title></head>
<body><main><h1>Problemtyper · Problem types</h1>
<p>Fejl svarer som RFC 9457 <code>application/problem+json</code>; <code>type</code> er <code>${PROBLEM_BASE}&lt;type&gt;</code>. Send <code>Accept-Language: en</code> for engelsk.</p>
<p lang="en">Errors answer as RFC 9457 <code>application/problem+json</code>; <code>type</code> is <code>${PROBLEM_BASE}&lt;type&gt;</code>. Send <code>Accept-Language: en</code> for English.</p>
${rows.join('\n')}
</main></body></html>
`;
}
