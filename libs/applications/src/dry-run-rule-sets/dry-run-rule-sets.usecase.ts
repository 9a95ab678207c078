import { CASE_STATES, isOpen, ScreeningRepository } from '@kp/cases';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { ReloadReport, RuleSetRegistry, RuleSetReloader, Verdict } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { forbidden } from '../domain/problems';
import { DryRunRuleSetsCommand } from './dry-run-rule-sets.command';
import { BusinessClock, copenhagenDateOf } from '@kp/clock';

export interface VerdictChange {
  caseNumber: string;
  subCaseId: string;
  dataSourceId: string;
  current: { verdict: Verdict; findingCodes: string[]; ruleSets: { id: string; version: string }[] };
  candidate: { verdict: Verdict; findingCodes: string[]; ruleSets: { id: string; version: string }[] } | { error: string };
}

export interface DryRunReport {
  /** The date whose law the candidate rule sets were applied under. */
  lawDate: string;
  /** Each plugin folder as the candidate load sees it; nothing is activated. */
  plugins: {
    pluginId: string;
    status: 'unchanged' | 'would_activate' | 'refused';
    version?: string;
    sha256?: string;
    errors?: ReloadReport[number]['errors'];
    inForce: { version: string; sha256: string } | null;
  }[];
  openSubCases: number;
  /** Only the sub-cases whose verdict or findings would change. */
  changes: VerdictChange[];
}

const OPEN_STATES = CASE_STATES.filter(isOpen);

/**
 * Shows how the plugins now in RULES_DIR would change the verdicts of open cases before anyone
 * activates them (DESIGN.md §4): a separate registry loads the folder, every open sub-case's stored
 * application is screened with it and compared with its latest stored screening. Nothing changes;
 * the report names cases by number and verdicts only, no application content.
 */
@Injectable()
export class DryRunRuleSets {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly active: RuleSetRegistry,
    private readonly reloader: RuleSetReloader,
    private readonly audit: AuditLog,
    private readonly screenings: ScreeningRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: DryRunRuleSetsCommand): Promise<DryRunReport> {
    // Read-only: admins before activating plugins, caseworkers to see how open cases fare under a coming law.
    if (actor.role !== 'admin' && actor.role !== 'caseworker') throw forbidden('Only an admin or a caseworker can dry-run rule sets.');
    const lawDate = command.lawDate ?? copenhagenDateOf(this.clock.now()).toString();
    const candidate = new RuleSetRegistry({ operators: this.active.operators, facts: this.active.facts });
    const loaded = await candidate.loadDirectory(this.reloader.rulesDir);
    const inForce = new Map(this.active.activeVersions().map((v) => [v.id, { version: v.version, sha256: v.sha256 }]));
    const rows = await this.screenings.latestOfOpenSubCases(this.db.manager, OPEN_STATES);
    const changes: VerdictChange[] = [];
    for (const row of rows) {
      const current = { verdict: row.verdict, findingCodes: row.findings.map((f) => f.code).sort(), ruleSets: row.ruleSets.map(({ id, version }) => ({ id, version })) };
      let next: VerdictChange['candidate'];
      try {
        const result = await candidate.screen(row.application, row.dataRequestIndex, lawDate);
        next = { verdict: result.verdict, findingCodes: result.findings.map((f) => f.code).sort(), ruleSets: result.ruleSets.map(({ id, version }) => ({ id, version })) };
        if (next.verdict === current.verdict && JSON.stringify(next.findingCodes) === JSON.stringify(current.findingCodes)) continue;
      } catch (error) {
        next = { error: (error as Error).message };
      }
      changes.push({ caseNumber: row.caseNumber, subCaseId: row.subCaseId, dataSourceId: row.dataSourceId, current, candidate: next });
    }
    const report: DryRunReport = {
      lawDate,
      plugins: loaded.map((o) => {
        const current = inForce.get(o.pluginId) ?? null;
        const status = o.status === 'refused' ? 'refused' : current?.sha256 === o.sha256 ? 'unchanged' : 'would_activate';
        return { pluginId: o.pluginId, status, version: o.version, sha256: o.sha256, errors: o.errors, inForce: current };
      }),
      openSubCases: rows.length,
      changes,
    };
    await this.db.transaction((manager) =>
      this.audit.append(manager, {
        actor,
        action: 'rule_set.dry_run',
        subject: { type: 'rule_sets', id: 'all' },
        payload: { lawDate, plugins: report.plugins.map((p) => ({ pluginId: p.pluginId, status: p.status, version: p.version ?? null, sha256: p.sha256 ?? null })), openSubCases: rows.length, changed: changes.length },
      }),
    );
    return report;
  }
}
