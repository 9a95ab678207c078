import { InForce } from '../law/in-force';
import semver from 'semver';
import { LoadProblem, PluginManifest, RuleSetContent } from '../domain/rule-set';
import { FactProviderRegistry } from '../facts/fact-provider';
import { OperatorRegistry } from '../operators/operator-registry';
import { jsonPath } from '../plugin-format/json-path';
import { termProblem } from '../vocabulary/terms';
import { validateAgainstSchema } from '../plugin-format/schema-validator';
import { checkConditions, checkFactName, ConditionCheckContext, isFactReference } from './check-conditions';

/** The plugin that applies to every data request in addition to the source's own plugin. */
export const COMMON_PLUGIN_ID = 'common';

export interface PluginFiles {
  manifest: string;
  rules: string;
}

export interface ValidationTools {
  operators: OperatorRegistry;
  facts: FactProviderRegistry;
}

function checkManifest(manifest: PluginManifest, file: string, tools: ValidationTools, expectedId?: string): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const at = (path: (string | number)[], problem: string) => problems.push({ file, path: jsonPath(path), problem });
  if (expectedId !== undefined && manifest.id !== expectedId) at(['id'], `must equal the plugin folder name "${expectedId}"`);
  if (!semver.valid(manifest.version)) at(['version'], `"${manifest.version}" is not a semantic version`);
  if (manifest.id === COMMON_PLUGIN_ID && manifest.dataSources.length > 0) at(['dataSources'], 'the common plugin applies to every source and lists none');
  if (manifest.id !== COMMON_PLUGIN_ID && manifest.dataSources.length === 0) at(['dataSources'], 'must list at least one data source');
  // Every permit says what may leave the environment, quoting the source's small-cell rule (issue 10).
  if (manifest.dataSources.length > 0 && !manifest.outputControl) at(['outputControl'], 'is required for a plugin with data sources (the small-cell rule its permits quote)');
  const seen = new Set<string>();
  manifest.dataSources.forEach((source, i) => {
    if (seen.has(source.id)) at(['dataSources', i, 'id'], `data source "${source.id}" is listed twice`);
    seen.add(source.id);
    if ((source.kind === 'patient_record' || source.kind === 'biobank') && !source.advisorRegion) {
      at(['dataSources', i, 'advisorRegion'], `is required for a ${source.kind} source (the advising data-support centre)`);
    }
  });
  manifest.requiredFacts.forEach((fact, i) => {
    if (!tools.facts.has(fact)) at(['requiredFacts', i], `fact "${fact}" is not provided by any fact provider`);
  });
  return problems;
}

function periodsOverlap(a: InForce | undefined, b: InForce | undefined): boolean {
  const start = (p: InForce | undefined) => p?.from ?? '0000-01-01';
  const end = (p: InForce | undefined) => p?.until ?? '9999-12-31';
  return start(a) < end(b) && start(b) < end(a);
}

function checkRules(content: RuleSetContent, file: string, tools: ValidationTools): LoadProblem[] {
  const ctx: ConditionCheckContext = {
    file,
    operators: tools.operators,
    facts: tools.facts,
    declaredFacts: new Set(content.manifest.requiredFacts),
    vocabularies: new Set(Object.keys(content.rules.vocabularies ?? {})),
    problems: [],
  };
  for (const [name, vocabulary] of Object.entries(content.rules.vocabularies ?? {})) {
    for (const language of ['da', 'en'] as const) {
      vocabulary[language].forEach((term, i) => {
        const problem = termProblem(term);
        if (problem) ctx.problems.push({ file, path: jsonPath(['vocabularies', name, language, i]), problem });
      });
    }
  }
  const names = new Map<string, number>();
  const codes = new Map<string, number[]>();
  content.rules.rules.forEach((rule, i) => {
    const at = (path: (string | number)[], problem: string) => ctx.problems.push({ file, path: jsonPath(['rules', i, ...path]), problem });
    if (names.has(rule.name)) at(['name'], `duplicate rule name, first used by rules[${names.get(rule.name)}]`);
    names.set(rule.name, i);

    checkConditions(ctx, rule.conditions, ['rules', i, 'conditions']);

    const params = rule.event.params;
    const code = String(params.code);
    const period = rule.inForce;
    if (period?.from && period.until && period.from >= period.until) at(['inForce', 'until'], 'must be after inForce.from (the period is from, inclusive, until, exclusive)');
    // One code may name the same check under successive laws (e.g. before and from 26 March 2029), never twice at once.
    const clash = (codes.get(code) ?? []).find((j) => periodsOverlap(content.rules.rules[j].inForce, period));
    if (clash !== undefined) at(['event', 'params', 'code'], `duplicate code, first used by rules[${clash}] in an overlapping inForce period`);
    codes.set(code, [...(codes.get(code) ?? []), i]);

    if (rule.event.type === 'finding') {
      if (params.severity === 'blocking' && params.verdict !== 'deny') {
        at(['event', 'params', 'verdict'], 'a blocking finding must deny (it denies until resolved)');
      }
      // LEGAL.md: a fact not yet confirmed against the official text gives warning/abstain, never deny.
      if (String(params.legalReference).includes('[check]') && (params.verdict === 'deny' || params.severity === 'blocking')) {
        at(['event', 'params', 'legalReference'], 'a reference marked [check] may only warn or abstain, not block or deny');
      }
    } else {
      for (const [key, value] of Object.entries(params)) {
        if (isFactReference(value)) checkFactName(ctx, value.fact, ['rules', i, 'event', 'params', key, 'fact']);
      }
    }
  });
  return ctx.problems;
}

/**
 * Validates a plugin's content as loaded from disk or as stored for replay: JSON Schema first,
 * then what json-rules-engine would only discover at run time.
 */
export function validatePluginContent(
  content: { manifest: unknown; rules: unknown },
  files: PluginFiles,
  tools: ValidationTools,
  expectedId?: string,
): LoadProblem[] {
  const schemaProblems = [
    ...validateAgainstSchema('manifest', files.manifest, content.manifest),
    ...validateAgainstSchema('rules', files.rules, content.rules),
  ];
  if (schemaProblems.length > 0) return schemaProblems;
  const typed = content as RuleSetContent;
  const manifestProblems = checkManifest(typed.manifest, files.manifest, tools, expectedId);
  return [...manifestProblems, ...checkRules(typed, files.rules, tools)];
}
