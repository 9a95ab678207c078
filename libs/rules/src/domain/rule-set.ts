/** What a rule-set plugin declares and produces. Plain data: no framework decorators here. */
export type Severity = 'blocking' | 'warning' | 'info';
export type Verdict = 'approve' | 'deny' | 'abstain';

export type DataSourceKind = 'national_register' | 'clinical_quality_db' | 'patient_record' | 'biobank';
export type { Track } from '@kp/clock';
import type { Track } from '@kp/clock';
import type { DataSourceCatalogue } from './catalogue';
import type { Vocabulary } from '../vocabulary/terms';
import type { OutputControl } from './output-control';
import type { FeeModel } from './fees';

export interface DataSourceDefinition {
  id: string;
  name: string;
  kind: DataSourceKind;
  controller: { name: string; cvr?: string };
  region?: string;
  defaultTrack: Track;
  decidingAuthority: string;
  advisorRegion?: string;
  /** Human-readable: what an application to this source needs. */
  requires?: string[];
  /** The variables one can ask for (issue 10). */
  catalogue?: DataSourceCatalogue;
  /** Requirements every request to this source has, whatever the application says (not rules). */
  standingRequirements?: Omit<Requirement, 'pluginId'>[];
  /** How long the holder takes to deliver after a delivery order (issue 15); overdue orders raise a notice. */
  deliveryServiceLevel?: DeliveryServiceLevel;
  /** The holder's fee model for this source (issue 15; EHDS art. 62 from 26 March 2029). */
  fees?: FeeModel;
}

/**
 * A holder's delivery target in Danish working days, counted from the delivery order. Practice, not
 * law (Sundhedsdatastyrelsen's target is 30 working days, LEGAL.md); `verified: false` while the
 * number is not confirmed against the holder's published terms.
 */
export interface DeliveryServiceLevel {
  workingDays: number;
  reference: string;
  verified?: boolean;
}

export interface LegalReference {
  id: string;
  citation: string;
  status: 'verified' | 'check';
  url?: string;
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  description?: string;
  dataSources: DataSourceDefinition[];
  legalReferences: LegalReference[];
  requiredFacts: string[];
  /** The small-cell rule for the plugin's sources; required when the plugin lists any source. */
  outputControl?: OutputControl;
}

export interface RuleDefinition {
  name: string;
  priority?: number;
  /** When the rule's legal basis applies (absent: always). */
  inForce?: { from?: string; until?: string };
  conditions: Record<string, unknown>;
  event: { type: 'finding' | 'requirement'; params: Record<string, unknown> };
}

export interface RuleSetContent {
  manifest: PluginManifest;
  /** `vocabularies`: term lists the rules name with `mentionsAnyOf` (e.g. words suggesting a prohibited use). */
  rules: { rules: RuleDefinition[]; vocabularies?: Record<string, Vocabulary> };
}

export interface RuleSetRef {
  id: string;
  version: string;
  sha256: string;
}

/** One loaded plugin version; `content` is stored as-is so a screening can be replayed from it. */
export interface PluginVersion extends RuleSetRef {
  content: RuleSetContent;
}

export interface Finding {
  code: string;
  severity: Severity;
  verdict: Verdict;
  message: { da: string; en: string };
  legalReference: string;
  pluginId: string;
}

export interface Requirement {
  kind: 'consultation' | 'legal_matter' | 'document';
  code: string;
  pluginId: string;
  [k: string]: unknown;
}

export interface ConditionTrace {
  pluginId: string;
  rule: string;
  fired: boolean;
  conditions: unknown;
}

export interface ScreeningResult {
  /** The Copenhagen calendar date whose law the screening applied (`YYYY-MM-DD`); a replay uses it. */
  lawDate: string;
  verdict: Verdict;
  findings: Finding[];
  requirements: Requirement[];
  ruleSets: RuleSetRef[];
  trace: ConditionTrace[];
  facts: Record<string, unknown>;
}

/** A load problem names the file, the JSON path in it and what is wrong. */
export interface LoadProblem {
  file: string;
  path: string;
  problem: string;
}

export interface PluginReloadOutcome {
  pluginId: string;
  status: 'activated' | 'unchanged' | 'refused';
  version?: string;
  sha256?: string;
  errors?: LoadProblem[];
}

/** One outcome per plugin folder found. */
export type ReloadReport = PluginReloadOutcome[];

export interface DataSourceEntry extends DataSourceDefinition {
  /** The plugin version in force for this source. */
  ruleSet: RuleSetRef;
  /** The small-cell rule of the source's plugin. */
  outputControl?: OutputControl;
}

export function formatProblem(p: LoadProblem): string {
  return `${p.file} ${p.path}: ${p.problem}`;
}
