import canonicalize from 'canonicalize';
import type { CaseKind, PermitChangeRef } from '@kp/cases';
import { ApplicationContent, FieldProblem } from './application-content';

/**
 * What an amendment changes in the permit version it names, measured against the content that
 * version was decided on: sources new to the permit, sources whose data request changed, sources
 * dropped, and the terms outside the data requests that changed (period, named researchers,
 * purpose …). Only the change is handled (issue 15): a new or changed data request is a sub-case of
 * its own; a change of terms concerns every part, so every part is decided again.
 */
export interface PermitChange {
  added: string[];
  changed: string[];
  removed: string[];
  terms: string[];
}

const same = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);

export function permitChange(base: ApplicationContent, amended: ApplicationContent): PermitChange {
  const before = new Map((base.dataRequests ?? []).map((r) => [r.dataSourceId, r]));
  const after = new Map((amended.dataRequests ?? []).map((r) => [r.dataSourceId, r]));
  const keys = new Set([...Object.keys(base), ...Object.keys(amended)].filter((k) => k !== 'dataRequests'));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    changed: [...after.keys()].filter((id) => before.has(id) && !same(before.get(id), after.get(id))),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    terms: [...keys].filter((k) => !same((base as Record<string, unknown>)[k], (amended as Record<string, unknown>)[k])).sort(),
  };
}

/** An extension may move these only: the project period's end and, with it, the retention date. */
const EXTENSION_FIELDS = ['projectPeriod', 'retentionUntil'];

/**
 * Why this content cannot be sent as the change it claims to be: an amendment must change
 * something and cannot drop a source (ending access to one is a revocation, EHDS art. 63); an
 * extension brings no new data and moves only the end of the project period, later.
 */
export function permitChangeProblems(kind: CaseKind, amends: PermitChangeRef | null, content: ApplicationContent): FieldProblem[] {
  if (kind === 'application' || !amends) return [];
  const change = permitChange(amends.baseContent, content);
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string, rule: string, args?: Record<string, unknown>) => problems.push({ field, messages: [message], rule, ...(args ? { args } : {}) });
  if (change.removed.length) {
    problem('dataRequests', `must keep every source of permit ${amends.permitNumber} (${change.removed.join(', ')} missing): access to a source ends by revocation, not by amendment`, 'amendment-keeps-sources', { sources: change.removed.join(', ') });
  }
  if (kind === 'amendment' && !change.added.length && !change.changed.length && !change.terms.length && !change.removed.length) {
    problem('dataRequests', `changes nothing in permit ${amends.permitNumber}: add a source, change a data request, the period or the named researchers`, 'amendment-changes-nothing', { permit: amends.permitNumber });
  }
  if (kind === 'extension') {
    const beyond = [...change.added, ...change.changed].map((id) => `dataRequests (${id})`).concat(change.terms.filter((k) => !EXTENSION_FIELDS.includes(k)));
    if (beyond.length) problem(beyond[0].startsWith('dataRequests') ? 'dataRequests' : beyond[0], `an extension brings no new data and changes only the project period's end; apply for an amendment to change ${beyond.join(', ')}`, 'extension-period-only', { fields: beyond.join(', ') });
    const baseEnd = amends.baseContent.projectPeriod?.end;
    if (!same(amends.baseContent.projectPeriod?.start, content.projectPeriod?.start)) problem('projectPeriod.start', 'an extension keeps the project period’s start', 'extension-period-only', { fields: 'projectPeriod.start' });
    if (baseEnd && content.projectPeriod?.end && content.projectPeriod.end <= baseEnd) problem('projectPeriod.end', `must be later than the permit’s end (${baseEnd})`, 'extension-later-end', { end: baseEnd });
  }
  return problems;
}
