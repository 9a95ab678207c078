import { activityReportCsv } from './activity-report.csv';
import { ActivityGroup, ActivityReport, noOutcomes } from './activity-report';

const empty = (): ActivityGroup => ({ requestsReceived: 0, decisions: { total: 0, byOutcome: noOutcomes() }, leadTime: { count: 0, medianDays: null, p90Days: null } });

describe('activity report as CSV', () => {
  const report: ActivityReport = {
    year: 2026,
    period: { from: '2025-12-31T23:00:00.000Z', to: '2026-12-31T23:00:00.000Z' },
    generatedAt: '2027-01-02T09:00:00.000Z',
    applicationsReceived: 2,
    withdrawn: 0,
    decisions: { total: 1, byOutcome: { approved: 1, approved_with_conditions: 0, rejected: 0 }, superseding: 0 },
    leadTime: { count: 1, medianDays: 12.5, p90Days: 12.5 },
    permitsIssued: 1,
    byTrack: { central: empty(), collaborative: empty() },
    bySource: [{ ...empty(), dataSourceId: 'source,with "quotes"', dataSourceName: 'x', requestsReceived: 2 }],
    fees: null,
    notes: [],
  };

  it('writes one figure a line after the header, with CRLF line ends', () => {
    const csv = activityReportCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('year,figure,track,data_source,outcome,value');
    expect(lines).toContain('2026,lead_time_median_days,,,,12.5');
    expect(lines).toContain('2026,fees_invoiced_dkk,,,,');
  });

  it('quotes a field holding a comma or a quote (RFC 4180)', () => {
    expect(activityReportCsv(report)).toContain('2026,requests_received,,"source,with ""quotes""",,2');
  });
});
