import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isCountryCode } from '../domain/countries';
import { isValidCvr } from '../domain/cvr';
import { LoadProblem } from '../domain/rule-set';
import { applicationSchema } from './application.schema';
import { authoritiesSchema } from './authorities.schema';
import { fixtureSchema } from './fixture.schema';
import { jsonPath, pointerSegments } from './json-path';
import { manifestSchema } from './manifest.schema';
import { rulesSchema } from './rules.schema';

export type PluginFileKind = 'manifest' | 'rules' | 'fixture' | 'application' | 'authorities';

function buildAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  // The same checks as the API's validators, so a fixture is refused where a request would be.
  ajv.addFormat('country-code', { type: 'string', validate: isCountryCode });
  ajv.addFormat('dk-cvr', { type: 'string', validate: isValidCvr });
  ajv.addSchema(applicationSchema);
  return ajv;
}

const ajv = buildAjv();
const validators: Record<PluginFileKind, ValidateFunction> = {
  manifest: ajv.compile(manifestSchema),
  rules: ajv.compile(rulesSchema),
  fixture: ajv.compile(fixtureSchema),
  application: ajv.getSchema('kp:rules/application')!,
  authorities: ajv.compile(authoritiesSchema),
};

const FORMAT_PROBLEMS: Record<string, string> = {
  'country-code': 'must be an ISO 3166-1 alpha-2 country code such as DK (EL or GR for Greece)',
  'dk-cvr': 'must be a CVR number: 8 digits with a valid modulus-11 check digit',
};

function toProblem(file: string, error: ErrorObject): LoadProblem {
  const segments: string[] = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperty' || error.keyword === 'additionalProperties') {
    return { file, path: jsonPath([...segments, String(params.additionalProperty)]), problem: 'unknown property' };
  }
  if (error.keyword === 'required') {
    return { file, path: jsonPath([...segments, String(params.missingProperty)]), problem: 'is required' };
  }
  if (error.keyword === 'enum') {
    return { file, path: jsonPath(segments), problem: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  }
  if (error.keyword === 'format' && FORMAT_PROBLEMS[String(params.format)]) {
    return { file, path: jsonPath(segments), problem: FORMAT_PROBLEMS[String(params.format)] };
  }
  return { file, path: jsonPath(segments), problem: error.message ?? error.keyword };
}

/** Validates one plugin file against its JSON Schema; problems name the file and the JSON path. */
export function validateAgainstSchema(kind: PluginFileKind, file: string, data: unknown): LoadProblem[] {
  const validate = validators[kind];
  if (validate(data)) return [];
  const problems = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => toProblem(file, e));
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
