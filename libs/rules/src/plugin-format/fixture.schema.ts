/** JSON Schema of `rules/<plugin-id>/fixtures/*.json`: an application and what screening it must give. */
export const fixtureSchema = {
  $id: 'kp:rules/fixture',
  type: 'object',
  additionalProperties: false,
  required: ['description', 'application', 'expected'],
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string', minLength: 1 },
    dataRequestIndex: { type: 'integer', minimum: 0 },
    // Pins the date whose law applies (e.g. before and after EHDS chapter IV applies, 26 March 2029).
    lawDate: { type: 'string', format: 'date' },
    application: { $ref: 'kp:rules/application' },
    expected: {
      type: 'object',
      additionalProperties: false,
      required: ['verdict', 'findings'],
      properties: {
        verdict: { enum: ['approve', 'deny', 'abstain'] },
        findings: { type: 'array', uniqueItems: true, items: { type: 'string' } },
        requirements: { type: 'array', uniqueItems: true, items: { type: 'string' } },
      },
    },
  },
} as const;
