import { OUTCOMES } from '@kp/decisions';
import { ActivityGroup, ActivityReport, REPORT_TRACKS } from './activity-report';

const HEADER = ['year', 'figure', 'track', 'data_source', 'outcome', 'value'] as const;

/**
 * The report as CSV in long form, one figure a line (year, figure, track, data source, outcome,
 * value), so a spreadsheet or the statistics office's tools can pivot it without knowing its shape.
 * RFC 4180: comma-separated, CRLF, fields quoted where they hold a comma, quote or line break.
 */
export function activityReportCsv(report: ActivityReport): string {
  const rows: (string | number | null)[][] = [];
  const add = (figure: string, value: number | null, track = '', source = '', outcome = '') => rows.push([report.year, figure, track, source, outcome, value]);
  const addGroup = (g: ActivityGroup, track = '', source = '') => {
    add('requests_received', g.requestsReceived, track, source);
    addDecisions(g.decisions, track, source);
    addLeadTime(g.leadTime, track, source);
  };
  const addDecisions = (d: ActivityGroup['decisions'], track = '', source = '') => {
    add('decisions', d.total, track, source);
    for (const o of OUTCOMES) add('decisions', d.byOutcome[o], track, source, o);
  };
  const addLeadTime = (l: ActivityGroup['leadTime'], track = '', source = '') => {
    add('lead_time_count', l.count, track, source);
    add('lead_time_median_days', l.medianDays, track, source);
    add('lead_time_p90_days', l.p90Days, track, source);
  };
  add('applications_received', report.applicationsReceived);
  add('withdrawn', report.withdrawn);
  addDecisions(report.decisions);
  add('decisions_superseding', report.decisions.superseding);
  addLeadTime(report.leadTime);
  add('permits_issued', report.permitsIssued);
  add('fees_invoiced_dkk', report.fees?.invoiced ?? null);
  for (const t of REPORT_TRACKS) addGroup(report.byTrack[t], t);
  for (const s of report.bySource) addGroup(s, '', s.dataSourceId);
  return [HEADER, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
