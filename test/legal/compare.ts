import { CitationExpectation, MatterExpectation, Scenario, SubCaseExpectation } from './model';
import { citesProvision, describeProvision } from './provisions';

/** What the case API shows of a screened case (GET /v1/cases/:id), as far as the scenarios look. */
export interface ObservedFinding {
  code: string;
  severity: string;
  verdict: string;
  message?: { da?: string; en?: string };
  legalReference: string;
}
export interface ObservedSubCase {
  id: string;
  dataSourceId: string;
  track: string;
  screening: { verdict: string; lawDate: string; findings: ObservedFinding[] } | null;
}
export interface ObservedLegalMatter {
  subCaseId: string;
  kind: string;
  code: string;
  legalReference: string | null;
}
export interface ObservedCase {
  subCases: ObservedSubCase[];
  legalMatters: ObservedLegalMatter[];
}

const oneOf = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value as T]);

function findingMatches(f: ObservedFinding, e: CitationExpectation): boolean {
  const verdicts = oneOf(e.verdict);
  const severities = oneOf(e.severity);
  if (verdicts && !verdicts.includes(f.verdict as never)) return false;
  if (severities && !severities.includes(f.severity as never)) return false;
  if (e.mentions && !`${f.message?.en ?? ''}\n${f.message?.da ?? ''}`.includes(e.mentions)) return false;
  return true;
}

function describeCitation(e: CitationExpectation): string {
  const constraints = [
    e.verdict && `verdict ${oneOf(e.verdict)!.join('|')}`,
    e.severity && `severity ${oneOf(e.severity)!.join('|')}`,
    e.mentions && `a message naming "${e.mentions}"`,
  ].filter(Boolean);
  return `a finding citing ${describeProvision(e.provision)}${constraints.length ? ` with ${constraints.join(', ')}` : ''}`;
}

const describeFinding = (f: ObservedFinding) => `${f.code} (${f.severity}/${f.verdict}, "${f.legalReference}")`;
const describeMatter = (m: ObservedLegalMatter) => `${m.kind} ${m.code} ("${m.legalReference ?? ''}")`;

function describeMatterExpectation(e: MatterExpectation): string {
  return ['a legal matter', e.kind && `of kind ${e.kind}`, e.provision && `citing ${describeProvision(e.provision)}`].filter(Boolean).join(' ');
}

const matterMatches = (m: ObservedLegalMatter, e: MatterExpectation) => (!e.kind || m.kind === e.kind) && (!e.provision || citesProvision(m.legalReference, e.provision));

function subCaseDifferences(source: string, expected: SubCaseExpectation, sub: ObservedSubCase, matters: ObservedLegalMatter[], lawDate: string): string[] {
  const out: string[] = [];
  const say = (text: string, because: string) => out.push(`${source}: ${text} — because ${because}`);

  if (sub.track !== expected.track.is) say(`track is ${sub.track}, expected ${expected.track.is}`, expected.track.because);
  const screening = sub.screening;
  if (!screening) {
    out.push(`${source}: not screened`);
    return out;
  }
  if (screening.lawDate !== lawDate) out.push(`${source}: screened under the law of ${screening.lawDate}, not of the scenario's date ${lawDate}`);
  if (screening.verdict !== expected.verdict.is) say(`verdict is ${screening.verdict}, expected ${expected.verdict.is}`, expected.verdict.because);

  for (const e of expected.cites ?? []) {
    const citing = screening.findings.filter((f) => citesProvision(f.legalReference, e.provision));
    if (citing.some((f) => findingMatches(f, e))) continue;
    const seen = citing.length ? `findings citing it: ${citing.map(describeFinding).join('; ')}` : 'no finding cites it';
    say(`expected ${describeCitation(e)}; ${seen}`, e.because);
  }
  for (const e of expected.notCited ?? []) {
    for (const f of screening.findings.filter((x) => citesProvision(x.legalReference, e.provision))) {
      say(`finding ${describeFinding(f)} cites ${describeProvision(e.provision)}, which no finding may`, e.because);
    }
  }
  for (const e of expected.legalMatters ?? []) {
    if (matters.some((m) => matterMatches(m, e))) continue;
    const seen = matters.length ? `legal matters opened: ${matters.map(describeMatter).join('; ')}` : 'no legal matter opened';
    say(`expected ${describeMatterExpectation(e)}; ${seen}`, e.because);
  }
  for (const e of expected.notLegalMatters ?? []) {
    for (const m of matters.filter((x) => matterMatches(x, e))) say(`legal matter ${describeMatter(m)} opened, expected none ${describeMatterExpectation(e).replace(/^a legal matter ?/, '')}`.trimEnd(), e.because);
  }
  return out;
}

/**
 * Every way the screened case differs from what the scenario expects, one line each, naming the
 * source and the provision the expectation follows from. Empty when the case is as the law says.
 */
export function differences(scenario: Scenario, observed: ObservedCase, lawDate: string): string[] {
  const out: string[] = [];
  for (const [source, expected] of Object.entries(scenario.expect)) {
    const sub = observed.subCases.find((s) => s.dataSourceId === source);
    if (!sub) {
      out.push(`${source}: no sub-case (the case has ${observed.subCases.map((s) => s.dataSourceId).join(', ') || 'none'})`);
      continue;
    }
    out.push(...subCaseDifferences(source, expected, sub, observed.legalMatters.filter((m) => m.subCaseId === sub.id), lawDate));
  }
  for (const sub of observed.subCases.filter((s) => !(s.dataSourceId in scenario.expect))) out.push(`${sub.dataSourceId}: a sub-case the scenario does not expect`);
  return out;
}

/** The screened case in a few lines, shown under the differences. */
export function describeCase(observed: ObservedCase): string {
  return observed.subCases
    .map((s) => {
      const head = `${s.dataSourceId} (${s.track}) → ${s.screening ? `${s.screening.verdict}, law of ${s.screening.lawDate}` : 'not screened'}`;
      const findings = (s.screening?.findings ?? []).map((f) => `    finding ${describeFinding(f)}`);
      const matters = observed.legalMatters.filter((m) => m.subCaseId === s.id).map((m) => `    legal matter ${describeMatter(m)}`);
      return [head, ...findings, ...matters].join('\n');
    })
    .join('\n');
}
