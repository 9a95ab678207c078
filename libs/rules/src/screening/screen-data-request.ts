import { ApplicationInput } from '../domain/application-input';
import { DataSourceDefinition, Requirement, ScreeningResult } from '../domain/rule-set';
import { combineVerdicts } from '../domain/verdict';
import { CompiledRuleSet } from '../engine/compiled-rule-set';
import { FactProviderRegistry } from '../facts/fact-provider';
import { isLawDate, LawDate } from '../law/in-force';
import { upgradeApplication } from '../domain/legacy-application';

export class ScreeningInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScreeningInputError';
  }
}

export interface ScreeningPlan {
  common: CompiledRuleSet;
  source: CompiledRuleSet;
  dataSource: DataSourceDefinition;
}

/** The facts both plugin versions name, each once, sorted: worked out once per pair of versions. */
const namesByPair = new WeakMap<CompiledRuleSet, WeakMap<CompiledRuleSet, readonly string[]>>();
function factNames(common: CompiledRuleSet, source: CompiledRuleSet): readonly string[] {
  let bySource = namesByPair.get(common);
  if (!bySource) namesByPair.set(common, (bySource = new WeakMap()));
  let names = bySource.get(source);
  if (!names) bySource.set(source, (names = [...new Set([...common.requiredFacts, ...source.requiredFacts])].sort()));
  return names;
}

/**
 * Screens one data request under the law in force on `lawDate`: the common plugin and the source's
 * own plugin run on the same facts; their findings and requirements are joined and the verdict
 * combined (DESIGN.md §3 Screening). Content written before issue 10 is seen in today's shape, and
 * the facts older rule-set versions name are still computed from it, so a replay sees what they saw.
 */
export async function screenDataRequest(
  application: ApplicationInput,
  dataRequestIndex: number,
  plan: ScreeningPlan,
  facts: FactProviderRegistry,
  lawDate: LawDate,
): Promise<ScreeningResult> {
  if (!isLawDate(lawDate)) throw new ScreeningInputError(`the law date must be a calendar date YYYY-MM-DD, got ${String(lawDate)}`);
  const current = upgradeApplication(application);
  const dataRequest = current.dataRequests[dataRequestIndex];
  const factValues = facts.compute(factNames(plan.common, plan.source), { application: current, dataRequest, dataSource: plan.dataSource });

  const [common, source] = await Promise.all([plan.common.evaluate(factValues, lawDate), plan.source.evaluate(factValues, lawDate)]);
  const findings = common.findings.concat(source.findings);
  return {
    lawDate,
    verdict: combineVerdicts(findings),
    findings,
    requirements: [
      ...common.requirements,
      ...source.requirements,
      ...(plan.dataSource.standingRequirements ?? []).map((r) => ({ ...r, pluginId: plan.source.pluginId }) as Requirement),
    ],
    ruleSets: [plan.common.ref, plan.source.ref],
    trace: common.trace.concat(source.trace),
    facts: factValues,
  };
}

/** The data request at `index`, or a ScreeningInputError naming what is wrong. */
export function requireDataRequest(application: ApplicationInput, index: number) {
  const request = Array.isArray(application?.dataRequests) ? application.dataRequests[index] : undefined;
  if (!Number.isInteger(index) || !request) {
    throw new ScreeningInputError(`the application has no data request at index ${index}`);
  }
  return request;
}
