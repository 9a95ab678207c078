import { copenhagenDateOf } from '@kp/clock';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FlowModel } from './model';
import { DaySample, SimulationRun } from './simulation';

/**
 * Whole calendar days between two instants' Copenhagen dates. Everyone in the simulation acts on a
 * working day at 09:00 business time, which runs on at the wall clock's pace during a step; counting
 * dates rather than milliseconds keeps the figures of a seed the same however long a step took.
 */
export function daysBetween(from: string | Date, to: string | Date): number {
  return copenhagenDateOf(new Date(from)).daysUntil(copenhagenDateOf(new Date(to)));
}
/** EHDS art. 68(4): a decision within 3 months of a complete application, extendable by up to 3 more. */
export const STATUTORY = { decisionMonths: 3, extensionMonths: 3, completionWeeks: 4 } as const;

export interface Spread {
  n: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export interface FlowReport {
  model: FlowModel;
  /** How the run went on this machine (wall clock, requests, where the time went): not a figure of the model, differs between runs of a seed. */
  run: { firstDay: string; lastDay: string; requests: number; wallSeconds: number; secondsByPart: Record<string, number>; secondsPerStep: Spread };
  applications: { planned: number; submitted: number; neverSubmitted: number; readyAtFirstCheck: number; completeAtFirstSubmission: number };
  /** Days from submission to the part's decision (business calendar days). */
  /** Days from submission to each part's decision, and to the whole case's (the permit: Findata's 72-day median measures this). */
  leadTimeDays: { all: Spread; byTrack: Record<string, Spread>; bySource: Record<string, Spread>; wholeCase: Spread };
  statutory: {
    limitDays: string;
    /** Parts decided after, or still open past, their statutory due date (EHDS art. 68(4), with any extension). */
    breaches: number;
    breachedCases: string[];
    /** The same cases by the simulation's application number (case numbers are handed out in the order submissions arrive, which differs between runs). */
    breachedApplications: number[];
    /** Open parts the API marks at risk at the end of the run. */
    atRiskAtEnd: number;
    /** The most cases at risk on any working day. */
    atRiskPeak: number;
    /** Requests for supplement answered after the 4 weeks (or not at all). */
    supplementsLateOrUnanswered: number;
  };
  /** Of all the time parts of cases waited (waiting history, in days), the share each party held. */
  waitedFor: Record<string, { days: number; share: number }>;
  contactPointShare: number;
  queues: { unassignedPeak: number; unassignedMean: number; approvalPeak: number; utilisationMean: number };
  endState: {
    byState: Record<string, number>;
    /** Open cases and whom they wait on: each must name at least one party. */
    open: { number: string; application: number; state: string; waitingFor: string[] }[];
    openWithoutReason: number;
  };
  audit: { valid: boolean; count?: number };
}

/**
 * The report's figures without what differs between runs of one seed on a machine: the wall
 * clock, the number of requests (screening is polled), where the time went, and case numbers
 * (handed out in the order concurrent submissions arrive; each case is also named by its
 * application number). Two runs of a seed give equal figures.
 */
export function figuresOf(report: FlowReport): unknown {
  const { run, statutory, endState, ...rest } = report;
  return {
    ...rest,
    run: { firstDay: run.firstDay, lastDay: run.lastDay },
    statutory: { ...statutory, breachedCases: statutory.breachedCases.length },
    endState: { ...endState, open: endState.open.map(({ number: _number, ...o }) => o) },
  };
}

/**
 * Each application's own course, by its number in the plan: the case's state and decision date,
 * each part's state and decision date (per data source), and whom it waited for from which day to
 * which. Dates are Copenhagen dates (see daysBetween); case ids and numbers, which differ between
 * runs, are left out. Two runs of a seed give equal outcomes, application by application.
 */
export function outcomesOf(run: SimulationRun): unknown[] {
  const day = (at: string | null | undefined) => (at ? copenhagenDateOf(new Date(at)).toString() : null);
  return [...run.cases]
    .sort((x, y) => x.plan.n - y.plan.n)
    .map(({ plan, view, history }) => ({
      application: plan.n + 1,
      state: view.state,
      decided: day(view.decidedAt),
      parts: [...view.subCases]
        .sort((x: any, y: any) => (x.dataSourceId < y.dataSourceId ? -1 : x.dataSourceId > y.dataSourceId ? 1 : 0))
        .map((s: any) => ({ source: s.dataSourceId, track: s.track, state: s.state, decided: day(s.decidedAt), due: day(s.clock?.dueAt) })),
      waited: history.items.map((w: any) => `${w.party} ${day(w.since)}–${day(w.until) ?? ''}`).sort(),
    }));
}

export function spread(values: number[]): Spread {
  if (values.length === 0) return { n: 0, median: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: sorted.length, median: round(at(0.5)), p90: round(at(0.9)), max: round(sorted[sorted.length - 1]) };
}

/** The role of a waiting party: `controller:29190925` → controller, `advisor:region-midtjylland` → advisor. */
const roleOf = (party: string): string => party.split(':')[0];
/** Who in the waiting history is the contact point itself. */
const CONTACT_POINT = ['caseworker', 'legal_approver'];

export function summarise(run: SimulationRun): FlowReport {
  const end = `${run.lastDay}T12:00:00Z`;
  const parts: { track: string; source: string; days: number }[] = [];
  const breachedCases = new Map<string, number>();
  let breaches = 0;
  let atRiskAtEnd = 0;
  let supplementsLate = 0;
  let completeAtFirst = 0;
  const waited: Record<string, number> = {};
  const byState: Record<string, number> = {};
  const open: FlowReport['endState']['open'] = [];
  for (const { plan, view, history } of run.cases) {
    byState[view.state] = (byState[view.state] ?? 0) + 1;
    for (const s of view.subCases) {
      if (s.decidedAt) parts.push({ track: s.track, source: s.dataSourceId, days: daysBetween(view.submittedAt, s.decidedAt) });
      const due = s.clock?.dueAt ? Date.parse(s.clock.dueAt) : null;
      const late = due !== null && (s.decidedAt ? Date.parse(s.decidedAt) > due : s.state !== 'withdrawn' && s.clock?.overdue === true);
      if (late) {
        breaches += 1;
        breachedCases.set(view.number, plan.n + 1);
      }
      if (!s.decidedAt && s.state !== 'withdrawn' && s.clock?.atRisk) atRiskAtEnd += 1;
    }
    let asked = false;
    for (const w of history.items) {
      const days = Math.max(0, daysBetween(w.since, w.until ?? end));
      const role = roleOf(w.party);
      waited[role] = (waited[role] ?? 0) + days;
      if (w.deadlineKind === 'supplement') {
        asked = true;
        if (w.metDeadline === false || (!w.until && w.deadline && Date.parse(w.deadline) < Date.parse(end))) supplementsLate += 1;
      }
    }
    if (!asked) completeAtFirst += 1;
    if (!['decided', 'withdrawn'].includes(view.state)) {
      open.push({ number: view.number, application: plan.n + 1, state: view.state, waitingFor: view.waitingFor.map((w: { party: string }) => w.party) });
    }
  }
  const total = Object.values(waited).reduce((a, b) => a + b, 0) || 1;
  const group = (key: 'track' | 'source') => {
    const out: Record<string, Spread> = {};
    for (const k of [...new Set(parts.map((p) => p[key]))].sort()) out[k] = spread(parts.filter((p) => p[key] === k).map((p) => p.days));
    return out;
  };
  const working = run.days;
  const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : 0);
  return {
    model: run.model,
    run: {
      firstDay: run.firstDay,
      lastDay: run.lastDay,
      requests: run.requests,
      wallSeconds: Math.round(run.wallMs / 1000),
      secondsByPart: Object.fromEntries(Object.entries(run.phases ?? {}).sort(([, a], [, b]) => b - a).map(([k, ms]) => [k, Math.round(ms / 100) / 10])),
      secondsPerStep: spread((run.stepMs ?? []).map((ms) => ms / 1000)),
    },
    applications: {
      planned: run.model.applications,
      submitted: run.cases.length,
      neverSubmitted: run.neverSubmitted,
      readyAtFirstCheck: run.cases.filter((c) => !c.plan.notReady).length,
      completeAtFirstSubmission: completeAtFirst,
    },
    leadTimeDays: {
      all: spread(parts.map((p) => p.days)),
      byTrack: group('track'),
      bySource: group('source'),
      wholeCase: spread(run.cases.filter(({ view }) => view.state === 'decided' && view.decidedAt).map(({ view }) => daysBetween(view.submittedAt, view.decidedAt))),
    },
    statutory: {
      limitDays: `${STATUTORY.decisionMonths} months from a complete application (+ up to ${STATUTORY.extensionMonths} with a reason); ${STATUTORY.completionWeeks} weeks to complete`,
      breaches,
      breachedCases: [...breachedCases.keys()].sort(),
      breachedApplications: [...breachedCases.values()].sort((a, b) => a - b),
      atRiskAtEnd,
      atRiskPeak: Math.max(0, ...working.map((d) => d.atRisk)),
      supplementsLateOrUnanswered: supplementsLate,
    },
    waitedFor: Object.fromEntries(Object.entries(waited).sort(([, a], [, b]) => b - a).map(([k, d]) => [k, { days: d, share: Math.round((d / total) * 1000) / 1000 }])),
    contactPointShare: Math.round((CONTACT_POINT.reduce((sum, r) => sum + (waited[r] ?? 0), 0) / total) * 1000) / 1000,
    queues: {
      unassignedPeak: Math.max(0, ...working.map((d) => d.unassigned)),
      unassignedMean: mean(working.map((d) => d.unassigned)),
      approvalPeak: Math.max(0, ...working.map((d) => d.awaitingApproval)),
      utilisationMean: mean(working.map((d) => d.utilisation)),
    },
    endState: { byState, open: open.sort((a, b) => a.application - b.application), openWithoutReason: open.filter((o) => o.waitingFor.length === 0).length },
    audit: { valid: run.audit?.valid === true, count: run.audit?.count },
  };
}

// A real dynamic import: ts-node compiles `import()` to `require()`, which cannot load ESM packages.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

/** The charts, drawn by Observable Plot on a jsdom document, as SVG strings. */
async function charts(run: SimulationRun, report: FlowReport): Promise<Record<string, string>> {
  const Plot = await importEsm('@observablehq/plot');
  const { JSDOM } = await importEsm('jsdom');
  const { document } = new JSDOM('').window;
  const svg = (options: Record<string, unknown>): string => {
    const node = Plot.plot({ document, width: 760, height: 300, marginLeft: 140, style: { background: 'white', fontSize: '12px' }, ...options });
    return node.outerHTML as string;
  };
  const days = run.days.map((d: DaySample) => ({ ...d, date: new Date(`${d.date}T12:00:00Z`) }));
  const lines = (['unassigned', 'awaitingApproval', 'atRisk', 'overdue'] as const).flatMap((k) => days.map((d) => ({ date: d.date, series: k, value: d[k] })));
  const parts = run.cases.flatMap(({ view }) =>
    view.subCases.filter((s: any) => s.decidedAt).map((s: any) => ({ track: s.track, source: s.dataSourceId, days: daysBetween(view.submittedAt, s.decidedAt) })),
  );
  const waited = Object.entries(report.waitedFor).map(([party, { share }]) => ({ party, share }));
  const limit = 92;
  return {
    leadTime: svg({
      marginLeft: 110,
      x: { label: 'days from submission to decision', grid: true },
      y: { label: null },
      marks: [Plot.boxX(parts, { x: 'days', y: 'track' }), Plot.ruleX([limit], { stroke: 'red', strokeDasharray: '4,3' }), Plot.text([{ x: limit, label: '3 months' }], { x: 'x', text: 'label', frameAnchor: 'top', dy: -2, fill: 'red' })],
    }),
    bySource: svg({
      height: 40 + 22 * Object.keys(report.leadTimeDays.bySource).length,
      x: { label: 'days from submission to decision', grid: true },
      y: { label: null },
      marks: [Plot.boxX(parts, { x: 'days', y: 'source' }), Plot.ruleX([limit], { stroke: 'red', strokeDasharray: '4,3' })],
    }),
    waitedFor: svg({
      height: 60 + 28 * waited.length,
      x: { label: 'share of all waiting time', percent: true, grid: true },
      y: { label: null },
      marks: [Plot.barX(waited, { x: 'share', y: 'party', sort: { y: '-x' }, fill: (d: { party: string }) => (CONTACT_POINT.includes(d.party) ? 'contact point' : 'others') }), Plot.ruleX([0])],
      color: { legend: true, domain: ['contact point', 'others'], range: ['#d95f02', '#7570b3'] },
    }),
    queues: svg({
      x: { label: null, type: 'utc' },
      y: { label: 'cases', grid: true },
      color: { legend: true },
      marks: [Plot.lineY(lines, { x: 'date', y: 'value', stroke: 'series' }), Plot.ruleY([0])],
    }),
    utilisation: svg({
      height: 220,
      x: { label: null, type: 'utc' },
      y: { label: 'caseworker utilisation', percent: true, domain: [0, 100], grid: true },
      marks: [Plot.lineY(days, Plot.windowY({ k: 10 }, { x: 'date', y: 'utilisation' })), Plot.ruleY([0])],
    }),
  };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function writeReport(run: SimulationRun, outDir: string): Promise<{ json: string; html: string; report: FlowReport }> {
  const report = summarise(run);
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'report.json');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  const c = await charts(run, report);
  const row = (name: string, s: Spread) => `<tr><td>${escape(name)}</td><td>${s.n}</td><td>${s.median ?? '–'}</td><td>${s.p90 ?? '–'}</td><td>${s.max ?? '–'}</td></tr>`;
  const m = report.model;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flow simulation, seed ${m.seed}</title>
<style>body{font-family:system-ui,sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>
<body>
<h1>A simulated year on the real API</h1>
<p>${m.applications} applications arriving over ${m.months} months from ${escape(report.run.firstDay)}, ${m.caseworkers} caseworkers (${m.caseworkerCapacity} case actions a day each), ${m.approvers} legal approvers, seed ${m.seed}. Simulated until ${escape(report.run.lastDay)}; ${report.run.requests} HTTP requests in ${report.run.wallSeconds} s.</p>
<h2>Lead time, submission to decision (days)</h2>
<p>Statutory limit: ${escape(report.statutory.limitDays)} (EHDS art. 68(4)).</p>
<table><tr><th></th><th>parts</th><th>median</th><th>p90</th><th>max</th></tr>${row('whole case', report.leadTimeDays.wholeCase)}${row('all parts', report.leadTimeDays.all)}${Object.entries(report.leadTimeDays.byTrack).map(([k, s]) => row(k, s)).join('')}</table>
${c.leadTime}
<h3>Per source</h3>
<table><tr><th></th><th>parts</th><th>median</th><th>p90</th><th>max</th></tr>${Object.entries(report.leadTimeDays.bySource).map(([k, s]) => row(k, s)).join('')}</table>
${c.bySource}
<h2>Whom the cases waited for</h2>
<p>The contact point's own share (caseworkers and legal approvers): <strong>${(report.contactPointShare * 100).toFixed(1)} %</strong>.</p>
${c.waitedFor}
<h2>Deadlines</h2>
<ul><li>Statutory deadline breaches: <strong>${report.statutory.breaches}</strong>${report.statutory.breachedCases.length ? ` (${report.statutory.breachedCases.slice(0, 20).map(escape).join(', ')}${report.statutory.breachedCases.length > 20 ? ', …' : ''})` : ''}</li>
<li>Cases at risk: at most ${report.statutory.atRiskPeak} on one day; ${report.statutory.atRiskAtEnd} parts at the end</li>
<li>Requests for supplement answered late or not at all (4 weeks): ${report.statutory.supplementsLateOrUnanswered}</li>
<li>Ready at the first check: ${report.applications.readyAtFirstCheck} of ${report.applications.submitted}; complete at first submission (no request for supplement): ${report.applications.completeAtFirstSubmission}</li></ul>
<h2>Queues and utilisation</h2>
${c.queues}
${c.utilisation}
<h2>End state</h2>
<p>${Object.entries(report.endState.byState).map(([k, v]) => `${escape(k)}: ${v}`).join(', ')}; open cases without a named party to wait for: ${report.endState.openWithoutReason}. Audit chain ${report.audit.valid ? 'verified' : '<strong>NOT verified</strong>'}${report.audit.count ? ` (${report.audit.count} events)` : ''}.</p>
${report.endState.open.length ? `<table><tr><th>case</th><th>state</th><th>waiting for</th></tr>${report.endState.open.slice(0, 50).map((o) => `<tr><td>${escape(o.number)}</td><td>${escape(o.state)}</td><td>${escape(o.waitingFor.join(', '))}</td></tr>`).join('')}</table>` : ''}
</body></html>
`;
  const htmlFile = join(dir, 'report.html');
  writeFileSync(htmlFile, html);
  // Each chart also as a standalone SVG file (for docs/flow.md); a figure element wraps a chart with a legend.
  mkdirSync(join(dir, 'charts'), { recursive: true });
  for (const [name, markup] of Object.entries(c)) {
    // The chart is the largest svg; a legend's colour swatches are small ones.
    const chart = (markup.match(/<svg[\s\S]*?<\/svg>/g) ?? []).sort((a, b) => b.length - a.length)[0];
    if (chart) writeFileSync(join(dir, 'charts', `${name}.svg`), chart.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '));
  }
  return { json, html: htmlFile, report };
}
