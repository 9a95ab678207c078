import { Actor } from '@kp/auth';
import { CaseFileRepository, ReceivedCase, SubCaseRepository } from '@kp/cases';
import { BusinessClock, copenhagenDateOf, LocalDate, startOfCopenhagenDay } from '@kp/clock';
import { DecisionRecord, DecisionRepository } from '@kp/decisions';
import { ForbiddenError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityReportCommand } from './activity-report.command';
import { ActivityGroup, ActivityReport, noOutcomes, REPORT_TRACKS, ReportTrack } from './activity-report';
import { leadTimeFigures } from './lead-time-figures';

/** Who reads the activity report: administrators who publish it and auditors who supervise (DESIGN.md §2). */
const REPORT_READERS: readonly Actor['role'][] = ['admin', 'auditor'];

interface Counted {
  requests: number;
  decisions: DecisionRecord[];
  leadDays: number[];
}

/**
 * The yearly activity report (EHDS art. 59, from 2029: the health data access body publishes its
 * activity — applications, decisions granted and refused, the time they took, fees). The final text
 * asks for the report every two years [check]; the figures are kept per calendar year, so a
 * two-year report is two of these. Read in one repeatable-read snapshot so the parts add up.
 */
@Injectable()
export class ActivityReports {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
    private readonly decisions: DecisionRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { year }: ActivityReportCommand): Promise<ActivityReport> {
    if (!REPORT_READERS.includes(actor.role)) throw new ForbiddenError('Only an administrator or an auditor reads the activity report.');
    const from = startOfCopenhagenDay(LocalDate.of(year, 1, 1));
    const to = startOfCopenhagenDay(LocalDate.of(year + 1, 1, 1));
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const received = await this.cases.receivedBetween(manager, from, to);
      const decisions = await this.decisions.issuedBetween(manager, from, to);
      const decidedCases = new Map((await this.cases.findMany(manager, [...new Set(decisions.map((d) => d.caseId))])).map((c) => [c.id, c]));
      const decidedParts = new Map((await this.subCases.findMany(manager, [...new Set(decisions.map((d) => d.subCaseId))])).map((s) => [s.id, s]));

      const tracks = Object.fromEntries(REPORT_TRACKS.map((t) => [t, counted()])) as Record<ReportTrack, Counted>;
      const sources = new Map<string, Counted & { name: string }>();
      const source = (id: string, name: string) => sources.get(id) ?? sources.set(id, { ...counted(), name }).get(id)!;
      for (const part of received.flatMap((c: ReceivedCase) => c.subCases)) {
        tracks[part.track].requests++;
        source(part.dataSourceId, part.dataSourceName).requests++;
      }
      const allLeadDays: number[] = [];
      for (const d of decisions) {
        const part = decidedParts.get(d.subCaseId)!;
        const groups = [tracks[part.track], source(part.dataSourceId, part.dataSourceName)];
        for (const g of groups) g.decisions.push(d);
        if (d.supersedesId) continue;
        // Calendar days between the Danish dates of receipt and decision, as time limits are counted
        // (Regulation 1182/71: the day of receipt is not counted).
        const days = copenhagenDateOf(decidedCases.get(d.caseId)!.submittedAt).daysUntil(copenhagenDateOf(d.issuedAt));
        allLeadDays.push(days);
        for (const g of groups) g.leadDays.push(days);
      }

      return {
        year,
        period: { from: from.toISOString(), to: to.toISOString() },
        generatedAt: this.clock.now().toISOString(),
        applicationsReceived: received.length,
        withdrawn: await this.cases.withdrawnBetween(manager, from, to),
        decisions: { ...outcomes(decisions), superseding: decisions.filter((d) => d.supersedesId).length },
        leadTime: leadTimeFigures(allLeadDays),
        permitsIssued: await this.decisions.permitsIssuedBetween(manager, from, to),
        byTrack: Object.fromEntries(REPORT_TRACKS.map((t) => [t, group(tracks[t])])) as Record<ReportTrack, ActivityGroup>,
        bySource: [...sources.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, g]) => ({ dataSourceId: id, dataSourceName: g.name, ...group(g) })),
        fees: null,
        notes: ['No fees are recorded in kontaktpunkt (EHDS art. 62): fees are invoiced outside it and reported from the finance system.'],
      };
    });
  }
}

function counted(): Counted {
  return { requests: 0, decisions: [], leadDays: [] };
}

function outcomes(decisions: DecisionRecord[]): ActivityGroup['decisions'] {
  const byOutcome = noOutcomes();
  for (const d of decisions) byOutcome[d.outcome]++;
  return { total: decisions.length, byOutcome };
}

function group(g: Counted): ActivityGroup {
  return { requestsReceived: g.requests, decisions: outcomes(g.decisions), leadTime: leadTimeFigures(g.leadDays) };
}
