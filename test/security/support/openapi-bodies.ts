/** Request bodies from the API's own OpenAPI document (/openapi.json): examples, schemas, and the fields in them. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown; examples?: Record<string, { value: unknown }> }> };
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
}

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  enum?: unknown[];
  format?: string;
  example?: unknown;
  minimum?: number;
  minItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), ...schema, allOf: undefined };
  return schema;
}

/** "METHOD /path" of every write operation (POST, PUT, PATCH, DELETE) in the document. */
export function writeRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

export function operation(doc: OpenApiDocument, route: string): Operation {
  const [method, path] = route.split(' ');
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${route} is not in /openapi.json`);
  return op;
}

export function bodySchema(doc: OpenApiDocument, route: string): Schema | undefined {
  const content = operation(doc, route).requestBody?.content['application/json'];
  return content ? resolve(doc, content.schema) : undefined;
}

/** The operation's own example body, if it documents one. */
export function exampleBody(doc: OpenApiDocument, route: string): unknown {
  const content = operation(doc, route).requestBody?.content['application/json'];
  return content?.example ?? Object.values(content?.examples ?? {})[0]?.value;
}

/**
 * A body built from the schema: each required property with a value of its type (the first enum
 * value, the documented example, the minimum) — what the route-specific overrides then complete
 * with real ids and dates.
 */
export function fromSchema(doc: OpenApiDocument, raw: Schema): unknown {
  const schema = resolve(doc, raw);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  switch (schema.type) {
    case 'object':
    case undefined: {
      if (!schema.properties) return {};
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(Object.entries(schema.properties).filter(([key]) => required.has(key)).map(([key, s]) => [key, fromSchema(doc, s)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => fromSchema(doc, schema.items ?? { type: 'string' }));
    case 'string':
      return schema.format === 'email' ? 'karen.holm@sundhedsdata.dk' : 'Written for the attack suite';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/**
 * Every field of the schema, as paths into the body (`applicant.organisation.cvr`,
 * `dataRequests[0].variables[0]`), objects and arrays included, so each can be changed on its own.
 */
export function fieldPaths(doc: OpenApiDocument, raw: Schema, prefix = '', depth = 0): string[] {
  const schema = resolve(doc, raw);
  if (depth > 6) return [];
  if (schema.type === 'array') {
    const item = `${prefix}[0]`;
    return [item, ...fieldPaths(doc, schema.items ?? {}, item, depth + 1)];
  }
  if (!schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, s]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(doc, s, path, depth + 1)];
  });
}

export function deepMerge<T>(base: T, overrides: unknown): T {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return (overrides === undefined ? base : overrides) as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) out[key] = deepMerge(out[key], value);
  return out as T;
}
