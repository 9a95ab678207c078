import { APPEAL_KINDS, TIME_LIMIT_UNITS } from '../domain/authorities';

/** JSON Schema of `rules/authorities.json`: the deciding authorities and where their decisions are appealed. */
export const authoritiesSchema = {
  $id: 'kp:rules/authorities',
  type: 'object',
  additionalProperties: false,
  required: ['authorities'],
  properties: {
    $schema: { type: 'string' },
    // Who runs each analysis environment an application can name (issue 15): whose environment_operator staff confirm receipt and end access.
    environments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'operator', 'verified', 'reference'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
          operator: {
            type: ['object', 'null'],
            additionalProperties: false,
            required: ['name', 'cvr'],
            properties: { name: { type: 'string', minLength: 1 }, cvr: { type: 'string', pattern: '^\\d{8}$' } },
          },
          verified: { type: 'boolean' },
          reference: { type: 'string', minLength: 1 },
        },
      },
    },
    authorities: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'appeal'],
        properties: {
          name: { type: 'string', minLength: 1 },
          appeal: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'legalReference', 'verified'],
            properties: {
              kind: { enum: [...APPEAL_KINDS] },
              body: { type: 'string', minLength: 1 },
              timeLimit: {
                type: ['object', 'null'],
                additionalProperties: false,
                required: ['amount', 'unit'],
                properties: { amount: { type: 'integer', minimum: 1 }, unit: { enum: [...TIME_LIMIT_UNITS] } },
              },
              reconsideration: { type: 'boolean' },
              legalReference: { type: 'string', minLength: 1 },
              url: { type: 'string', format: 'uri' },
              verified: { type: 'boolean' },
            },
            // An administrative appeal names its body and says whether a time limit applies (forvaltningsloven § 25 stk. 1).
            if: { properties: { kind: { const: 'administrative' } } },
            then: { required: ['body', 'timeLimit'] },
            else: { not: { anyOf: [{ required: ['body'] }, { required: ['timeLimit'] }] } },
          },
        },
      },
    },
  },
} as const;
