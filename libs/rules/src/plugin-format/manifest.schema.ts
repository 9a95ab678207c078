import { TRACKS } from '@kp/clock';
import { CATALOGUE_COMPLETENESS, VARIABLE_SENSITIVITIES } from '../domain/catalogue';
import { SMALLEST_MEANINGFUL_CELL } from '../domain/output-control';
import { requirementParams } from './rules.schema';
import { ORGANISATION_SECTORS } from '../domain/application-enums';
/** JSON Schema of `rules/<plugin-id>/manifest.json`. */
export const manifestSchema = {
  $id: 'kp:rules/manifest',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'version', 'dataSources', 'legalReferences', 'requiredFacts'],
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    name: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    dataSources: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'kind', 'controller', 'defaultTrack', 'decidingAuthority'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          name: { type: 'string', minLength: 1 },
          kind: { enum: ['national_register', 'clinical_quality_db', 'patient_record', 'biobank'] },
          controller: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1 }, cvr: { type: 'string', pattern: '^\\d{8}$' } },
          },
          region: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          defaultTrack: { enum: [...TRACKS] },
          decidingAuthority: { type: 'string', minLength: 1 },
          advisorRegion: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          requires: { type: 'array', items: { type: 'string', minLength: 1 } },
          // What every request to this source needs whatever the application says (e.g. the RKKP
          // steering group's professional comments): not a rule, since nothing in the application triggers it.
          standingRequirements: { type: 'array', items: requirementParams },
          // How long the holder takes to deliver after a delivery order (issue 15): overdue orders raise a notice.
          deliveryServiceLevel: {
            type: 'object',
            additionalProperties: false,
            required: ['workingDays', 'reference'],
            properties: {
              workingDays: { type: 'integer', minimum: 1, maximum: 250 },
              reference: { type: 'string', minLength: 1 },
              verified: { type: 'boolean' },
            },
          },
          // The holder's fee model (issue 15): fixed parts, per variable, an hourly estimate; reductions from a date (EHDS art. 62 from 26 March 2029).
          fees: {
            type: 'object',
            additionalProperties: false,
            required: ['currency', 'reference'],
            properties: {
              currency: { const: 'DKK' },
              fixed: { type: 'number', minimum: 0 },
              perVariable: { type: 'number', minimum: 0 },
              hourly: { type: 'object', additionalProperties: false, required: ['rate', 'estimatedHours'], properties: { rate: { type: 'number', minimum: 0 }, estimatedHours: { type: 'number', minimum: 0 } } },
              reductions: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['sectors', 'percent', 'from', 'legalReference'],
                  properties: {
                    sectors: { type: 'array', minItems: 1, items: { enum: [...ORGANISATION_SECTORS] } },
                    percent: { type: 'number', minimum: 0, maximum: 100 },
                    from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
                    legalReference: { type: 'string', minLength: 1 },
                  },
                },
              },
              reference: { type: 'string', minLength: 1 },
              verified: { type: 'boolean' },
            },
          },
          // What a researcher can ask for (issue 10): complete for registers and clinical databases
          // (a variable outside it cannot be approved), representative for patient records and biobanks.
          catalogue: {
            type: 'object',
            additionalProperties: false,
            required: ['completeness', 'variables'],
            properties: {
              completeness: { enum: [...CATALOGUE_COMPLETENESS] },
              variables: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['name', 'label', 'sensitivity'],
                  properties: {
                    name: { type: 'string', minLength: 1 },
                    label: { type: 'object', additionalProperties: false, required: ['da', 'en'], properties: { da: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } } },
                    sensitivity: { enum: [...VARIABLE_SENSITIVITIES] },
                    // false: the name is not yet confirmed against the holder's published documentation.
                    verified: { type: 'boolean' },
                    // Where the name was confirmed: the holder's documentation (or a copy of it) that publishes it.
                    source: { type: 'string', format: 'uri' },
                  },
                },
              },
            },
          },
        },
      },
    },
    legalReferences: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'citation', 'status'],
        properties: {
          id: { type: 'string', minLength: 1 },
          citation: { type: 'string', minLength: 1 },
          status: { enum: ['verified', 'check'] },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
    requiredFacts: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
    // The small-cell rule of the plugin's sources, quoted in every permit's output condition (issue 10).
    outputControl: {
      type: 'object',
      additionalProperties: false,
      required: ['minimumCellSize', 'legalReference'],
      properties: {
        minimumCellSize: { type: 'integer', minimum: SMALLEST_MEANINGFUL_CELL, maximum: 1000 },
        legalReference: { type: 'string', minLength: 1 },
        verified: { type: 'boolean' },
      },
    },
  },
} as const;
