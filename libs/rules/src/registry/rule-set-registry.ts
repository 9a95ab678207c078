import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApplicationInput } from '../domain/application-input';
import {
  DataSourceDefinition,
  DataSourceEntry,
  LoadProblem,
  PluginReloadOutcome,
  PluginVersion,
  ReloadReport,
  ScreeningResult,
} from '../domain/rule-set';
import { CompiledRuleSet } from '../engine/compiled-rule-set';
import { defaultFactProviders } from '../facts/default-facts';
import { FactProviderRegistry } from '../facts/fact-provider';
import { displayPath, loadPluginDirectory, LoadedPlugin, PluginFixture } from '../loader/load-plugin-directory';
import { COMMON_PLUGIN_ID } from '../loader/validate-plugin-content';
import { defaultOperatorRegistry } from '../operators/default-operators';
import { OperatorRegistry } from '../operators/operator-registry';
import { requireDataRequest, ScreeningInputError, screenDataRequest } from '../screening/screen-data-request';
import { LawDate, lawBoundaries } from '../law/in-force';
import { AnalysisEnvironmentEntry, AUTHORITIES_FILE, AppealRoute, DecidingAuthority } from '../domain/authorities';
import { loadAuthorities } from '../loader/load-authorities';

/**
 * Who asked for a reload (an admin through the API); absent for the start-up load, which the
 * system does on its own. Handed to listeners so an activation can be audited with its actor.
 */
export interface ReloadRequester {
  sub: string;
  role: string;
  organisation?: string | null;
  /** Set when the request reached this process from another (the id of the process that took it). */
  via?: string;
}

/** Told about every plugin version the registry activates, e.g. to store it for replay. */
export interface RuleSetVersionListener {
  versionLoaded(version: PluginVersion, requestedBy?: ReloadRequester): Promise<void> | void;
}

export interface RuleSetRegistryOptions {
  operators?: OperatorRegistry;
  facts?: FactProviderRegistry;
  listeners?: RuleSetVersionListener[];
}

interface ActivePlugin {
  compiled: CompiledRuleSet;
  fixtures: PluginFixture[];
}

/**
 * The plugin versions in force. Reloading never leaves a gap: an invalid plugin is refused and its
 * last good version stays active (DESIGN.md §4); the outcome is reported per plugin.
 */
export class RuleSetRegistry {
  readonly operators: OperatorRegistry;
  readonly facts: FactProviderRegistry;
  private readonly listeners: RuleSetVersionListener[];
  private active = new Map<string, ActivePlugin>();
  /** Each data source's plugin version, worked out once per reload rather than on every screening. */
  private bySource?: Map<string, { source: CompiledRuleSet; dataSource: DataSourceDefinition }>;
  /** Each data source's catalogue entry, frozen, worked out once per reload (looked up per data request on every submit and check). */
  private entries?: Map<string, DataSourceEntry>;
  private authorities = new Map<string, DecidingAuthority>();
  private environments = new Map<string, AnalysisEnvironmentEntry>();
  private reloading: Promise<ReloadReport> = Promise.resolve([]);

  constructor(options: RuleSetRegistryOptions = {}) {
    this.operators = options.operators ?? defaultOperatorRegistry();
    this.facts = options.facts ?? defaultFactProviders();
    this.listeners = options.listeners ?? [];
  }

  addListener(listener: RuleSetVersionListener): void {
    this.listeners.push(listener);
  }

  /** Loads every plugin folder in `dir`; reloads are serialised. */
  loadDirectory(dir: string, requestedBy?: ReloadRequester): Promise<ReloadReport> {
    const next = this.reloading.catch(() => []).then(() => this.reload(dir, requestedBy));
    this.reloading = next;
    return next;
  }

  private async reload(dir: string, requestedBy: ReloadRequester | undefined): Promise<ReloadReport> {
    let names: string[];
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    } catch (e) {
      throw new Error(`cannot read rule-set directory ${displayPath(dir)}: ${(e as Error).message}`);
    }
    const loaded = await Promise.all(
      names.map((name) => loadPluginDirectory(join(dir, name), name, { operators: this.operators, facts: this.facts })),
    );

    const next = new Map(this.active);
    const report: PluginReloadOutcome[] = [];
    for (const plugin of loaded) {
      const manifestFile = displayPath(join(dir, plugin.pluginId, 'manifest.json'));
      const outcome = this.decide(plugin, next, manifestFile);
      if (outcome.activate) {
        // A version that cannot be stored could not be replayed later, so it is not activated.
        const problem = await this.tellListeners(outcome.activate.compiled.version, requestedBy);
        if (problem) {
          report.push({ ...outcome.report, status: 'refused', errors: [{ file: manifestFile, path: '$', problem }] });
          continue;
        }
        next.set(plugin.pluginId, outcome.activate);
      }
      report.push(outcome.report);
    }
    this.active = next;
    this.bySource = undefined;
    this.entries = undefined;
    return [...report, ...(await this.reloadAuthorities(dir))];
  }

  /** The deciding authorities beside the plugins; an invalid file is refused and the last good entries stay. */
  private async reloadAuthorities(dir: string): Promise<PluginReloadOutcome[]> {
    const loaded = await loadAuthorities(dir);
    if (!loaded.ok) return [{ pluginId: AUTHORITIES_FILE, status: 'refused', errors: loaded.problems }];
    this.authorities = new Map(loaded.authorities.map((a) => [a.name.trim(), a]));
    this.environments = new Map(loaded.environments.map((e) => [e.id, e]));
    return [];
  }

  /** Who runs an analysis environment (rules/authorities.json); null: none the contact point deals with, or not listed. */
  environmentOperator(environmentId: string): { name: string; cvr: string } | null {
    const operator = this.environments.get(environmentId)?.operator;
    return operator ? { ...operator } : null;
  }

  /** The environments an organisation runs, by its CVR number. */
  environmentsOperatedBy(cvr: string): string[] {
    return [...this.environments.values()].filter((e) => e.operator?.cvr === cvr).map((e) => e.id);
  }

  /** Where decisions of this deciding authority are appealed, when the authorities file has an entry for it. */
  appealRoute(decidingAuthority: string): AppealRoute | undefined {
    const entry = this.authorities.get(decidingAuthority.trim());
    return entry ? structuredClone(entry.appeal) : undefined;
  }

  /** Every deciding authority with an entry. */
  decidingAuthorities(): DecidingAuthority[] {
    return [...this.authorities.values()].map((a) => structuredClone(a));
  }

  private async tellListeners(version: PluginVersion, requestedBy: ReloadRequester | undefined): Promise<string | undefined> {
    try {
      for (const listener of this.listeners) await listener.versionLoaded(version, requestedBy);
      return undefined;
    } catch (e) {
      return `the version could not be stored: ${(e as Error).message}`;
    }
  }

  private decide(plugin: LoadedPlugin, next: Map<string, ActivePlugin>, manifestFile: string): { report: PluginReloadOutcome; activate?: ActivePlugin } {
    const refuse = (problems: LoadProblem[], version?: string, sha256?: string) => ({
      report: { pluginId: plugin.pluginId, status: 'refused' as const, version, sha256, errors: problems },
    });
    if (!plugin.ok) return refuse(plugin.problems, plugin.version, plugin.sha256);

    const { version, fixtures } = plugin;
    const current = next.get(plugin.pluginId);
    if (current?.compiled.ref.sha256 === version.sha256) {
      current.fixtures = fixtures;
      return { report: { pluginId: plugin.pluginId, status: 'unchanged', version: version.version, sha256: version.sha256 } };
    }
    if (current && current.compiled.ref.version === version.version) {
      return refuse(
        [{ file: manifestFile, path: '$.version', problem: `content changed but version ${version.version} was not raised` }],
        version.version,
        version.sha256,
      );
    }
    const clashes: LoadProblem[] = [];
    version.content.manifest.dataSources.forEach((source, i) => {
      for (const [otherId, other] of next) {
        if (otherId !== plugin.pluginId && other.compiled.version.content.manifest.dataSources.some((d) => d.id === source.id)) {
          clashes.push({ file: manifestFile, path: `$.dataSources[${i}].id`, problem: `data source "${source.id}" is already covered by plugin "${otherId}"` });
        }
      }
    });
    if (clashes.length > 0) return refuse(clashes, version.version, version.sha256);

    return {
      report: { pluginId: plugin.pluginId, status: 'activated', version: version.version, sha256: version.sha256 },
      activate: { compiled: new CompiledRuleSet(version, this.operators), fixtures },
    };
  }

  activeVersions(): PluginVersion[] {
    return [...this.active.values()].map((p) => p.compiled.version);
  }

  /** The dates on which a rule of the active rule sets starts or stops applying, sorted. */
  lawBoundaries(): LawDate[] {
    return lawBoundaries(this.activeVersions().flatMap((v) => v.content.rules.rules));
  }

  /** The catalogue: every data source of the active plugins, with the plugin version in force (entries frozen, as `dataSource`'s). */
  dataSources(): DataSourceEntry[] {
    return [...this.catalogue().values()];
  }

  /**
   * One source's entry, frozen and shared rather than copied per call: it is looked up per data
   * request on every submit and check (a deep copy per lookup was 2.5 % of the API's time under load).
   */
  dataSource(id: string): DataSourceEntry | undefined {
    return this.catalogue().get(id);
  }

  /** Each data source's entry by id, in plugin and manifest order, worked out once per reload. */
  private catalogue(): Map<string, DataSourceEntry> {
    if (!this.entries) {
      this.entries = new Map();
      for (const p of this.active.values()) {
        const outputControl = p.compiled.version.content.manifest.outputControl;
        const ruleSet = Object.freeze({ ...p.compiled.ref });
        // The version's content is frozen already (CompiledRuleSet); only the entry's own layer is new.
        for (const d of p.compiled.version.content.manifest.dataSources) this.entries.set(d.id, Object.freeze({ ...d, ruleSet, ...(outputControl ? { outputControl } : {}) }));
      }
    }
    return this.entries;
  }

  /** Fixtures of the active version of each plugin (for `rules test`). */
  fixtures(): { pluginId: string; fixtures: PluginFixture[] }[] {
    return [...this.active.entries()].map(([pluginId, p]) => ({ pluginId, fixtures: p.fixtures }));
  }

  /** Screens one data request under the law in force on `lawDate` (the screening's own date). */
  async screen(application: ApplicationInput, dataRequestIndex: number, lawDate: LawDate): Promise<ScreeningResult> {
    const request = requireDataRequest(application, dataRequestIndex);
    const common = this.active.get(COMMON_PLUGIN_ID);
    if (!common) throw new ScreeningInputError('no common rule set is active');
    const { source, dataSource } = this.pluginFor(request.dataSourceId);
    return screenDataRequest(application, dataRequestIndex, { common: common.compiled, source, dataSource }, this.facts, lawDate);
  }

  private pluginFor(dataSourceId: string): { source: CompiledRuleSet; dataSource: DataSourceDefinition } {
    if (!this.bySource) {
      // Reload refuses a source two plugins claim, so each id has one entry.
      this.bySource = new Map();
      for (const p of this.active.values()) {
        for (const dataSource of p.compiled.version.content.manifest.dataSources) this.bySource.set(dataSource.id, { source: p.compiled, dataSource });
      }
    }
    const found = this.bySource.get(dataSourceId);
    if (!found) throw new ScreeningInputError(`unknown data source "${dataSourceId}"`);
    return found;
  }
}
