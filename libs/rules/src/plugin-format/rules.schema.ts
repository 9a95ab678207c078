import { LEGAL_MATTER_KINDS } from '../domain/legal-matter-kinds';

/**
 * JSON Schema of `rules/<plugin-id>/rules.json`. The condition tree itself is checked by the
 * loader's condition walker, which names the exact operator or fact at fault.
 */
const message = {
  type: 'object',
  additionalProperties: false,
  required: ['da', 'en'],
  properties: { da: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
};

const code = { type: 'string', pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$' };

const findingParams = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'severity', 'verdict', 'message', 'legalReference'],
  properties: {
    code,
    severity: { enum: ['blocking', 'warning', 'info'] },
    verdict: { enum: ['approve', 'deny', 'abstain'] },
    message,
    legalReference: { type: 'string', minLength: 1 },
  },
};

export const requirementParams = {
  type: 'object',
  required: ['kind', 'code'],
  properties: {
    kind: { enum: ['consultation', 'legal_matter', 'document'] },
    code,
    message,
    legalReference: { type: 'string', minLength: 1 },
    blocking: { type: 'boolean' },
  },
  allOf: [
    {
      if: { properties: { kind: { const: 'legal_matter' } } },
      then: {
        required: ['matter', 'blocking'],
        properties: { matter: { enum: LEGAL_MATTER_KINDS } },
      },
    },
    {
      if: { properties: { kind: { const: 'consultation' } } },
      then: { required: ['advisor'], properties: { advisor: { enum: ['data_support_centre', 'steering_group'] } } },
    },
    {
      if: { properties: { kind: { const: 'document' } } },
      then: { required: ['document'], properties: { document: { type: 'string', minLength: 1 } } },
    },
  ],
};

export const rulesSchema = {
  $id: 'kp:rules/rules',
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    $schema: { type: 'string' },
    // Term lists kept as data (libs/rules/src/vocabulary/terms.ts), named by rules with mentionsAnyOf.
    vocabularies: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'da', 'en'],
        properties: {
          description: { type: 'string', minLength: 1 },
          da: { type: 'array', items: { type: 'string', minLength: 1 } },
          en: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'conditions', 'event'],
        properties: {
          name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          priority: { type: 'integer', minimum: 1 },
          // When the rule's legal basis applies: from (inclusive) until (exclusive), Copenhagen dates.
          inForce: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { from: { type: 'string', format: 'date' }, until: { type: 'string', format: 'date' } },
          },
          conditions: { type: 'object' },
          event: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'params'],
            properties: { type: { enum: ['finding', 'requirement'] }, params: { type: 'object' } },
            allOf: [
              { if: { properties: { type: { const: 'finding' } } }, then: { properties: { params: findingParams } } },
              { if: { properties: { type: { const: 'requirement' } } }, then: { properties: { params: requirementParams } } },
            ],
          },
        },
      },
    },
  },
} as const;
