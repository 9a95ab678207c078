import { ApplicationInput } from '../domain/application-input';
import { formatProblem, PluginVersion, ScreeningResult } from '../domain/rule-set';
import { CompiledRuleSet } from '../engine/compiled-rule-set';
import { defaultFactProviders } from '../facts/default-facts';
import { FactProviderRegistry } from '../facts/fact-provider';
import { COMMON_PLUGIN_ID, validatePluginContent } from '../loader/validate-plugin-content';
import { contentSha256 } from '../loader/content-hash';
import { defaultOperatorRegistry } from '../operators/default-operators';
import { OperatorRegistry } from '../operators/operator-registry';
import { requireDataRequest, ScreeningInputError, screenDataRequest } from './screen-data-request';
import { LawDate } from '../law/in-force';

export interface ReplayTools {
  operators?: OperatorRegistry;
  facts?: FactProviderRegistry;
}

let defaults: { operators: OperatorRegistry; facts: FactProviderRegistry } | undefined;
const defaultTools = () => (defaults ??= { operators: defaultOperatorRegistry(), facts: defaultFactProviders() });

const compiledBySha = new Map<string, CompiledRuleSet>();
const MAX_CACHED = 256;

function compileStored(version: PluginVersion, operators: OperatorRegistry, facts: FactProviderRegistry, cache: boolean): CompiledRuleSet {
  // The hash is recomputed every time, so a cache hit can never stand in for altered content.
  if (contentSha256(version.content) !== version.sha256) {
    throw new ScreeningInputError(`stored rule set ${version.id}@${version.version} does not match its sha256 ${version.sha256}`);
  }
  const hit = cache ? compiledBySha.get(version.sha256) : undefined;
  if (hit) return hit;
  const problems = validatePluginContent(
    version.content,
    { manifest: `${version.id}@${version.version}/manifest.json`, rules: `${version.id}@${version.version}/rules.json` },
    { operators, facts },
    version.id,
  );
  if (problems.length > 0) {
    throw new ScreeningInputError(`stored rule set ${version.id}@${version.version} is invalid: ${problems.map(formatProblem).join('; ')}`);
  }
  const compiled = new CompiledRuleSet(version, operators);
  if (cache) {
    if (compiledBySha.size >= MAX_CACHED) compiledBySha.delete(compiledBySha.keys().next().value!);
    compiledBySha.set(version.sha256, compiled);
  }
  return compiled;
}

/**
 * Replays a screening from stored plugin contents (not the registry), so a past result can be
 * reproduced and explained years later. `versions` and `lawDate` are the ones the screening recorded.
 */
export async function replayScreening(
  application: ApplicationInput,
  dataRequestIndex: number,
  versions: PluginVersion[],
  lawDate: LawDate,
  tools: ReplayTools = {},
): Promise<ScreeningResult> {
  const operators = tools.operators ?? defaultTools().operators;
  const facts = tools.facts ?? defaultTools().facts;
  const cache = tools.operators === undefined && tools.facts === undefined;
  const request = requireDataRequest(application, dataRequestIndex);

  const commonVersion = versions.find((v) => v.id === COMMON_PLUGIN_ID);
  const sourceVersion = versions.find((v) => v.content.manifest.dataSources.some((d) => d.id === request.dataSourceId));
  if (!commonVersion) throw new ScreeningInputError('the stored versions do not include the common plugin');
  if (!sourceVersion) throw new ScreeningInputError(`no stored version covers data source "${request.dataSourceId}"`);
  const dataSource = sourceVersion.content.manifest.dataSources.find((d) => d.id === request.dataSourceId)!;

  return screenDataRequest(
    application,
    dataRequestIndex,
    {
      common: compileStored(commonVersion, operators, facts, cache),
      source: compileStored(sourceVersion, operators, facts, cache),
      dataSource,
    },
    facts,
    lawDate,
  );
}
