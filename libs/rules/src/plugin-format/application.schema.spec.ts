import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ETHICS_COMMITTEES,
  EthicsCommittee,
  ETHICS_STATUSES,
  EthicsStatus,
  ORGANISATION_SECTORS,
  OrganisationSector,
  OUTPUT_KINDS,
  OutputKind,
  PROCESSING_ENVIRONMENTS,
  ProcessingEnvironment,
  PURPOSE_CATEGORIES,
  PurposeCategory,
} from '../domain/application-enums';
import { ApplicationInput } from '../domain/application-input';
import { SHIPPED_RULES } from '../registry/test-plugin-dir';
import { applicationSchema } from './application.schema';
import { validateAgainstSchema } from './schema-validator';

type SchemaNode = { enum?: readonly unknown[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** Every `enum` in the schema, keyed by the JSON path of the field it constrains. */
function enumsIn(node: SchemaNode, path = '$'): Record<string, readonly unknown[]> {
  const found: Record<string, readonly unknown[]> = node.enum ? { [path]: node.enum } : {};
  for (const [name, child] of Object.entries(node.properties ?? {})) Object.assign(found, enumsIn(child, `${path}.${name}`));
  if (node.items) Object.assign(found, enumsIn(node.items, `${path}[*]`));
  return found;
}

const fixture = (pluginId: string, name: string) => JSON.parse(readFileSync(join(SHIPPED_RULES, pluginId, 'fixtures', name), 'utf8'));

/** Compiles only when A and B are the same type; `npm run typecheck` enforces it. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameType = <A, B>(proof: Same<A, B>) => proof;

describe('the application schema and the application-form enums', () => {
  it('takes each closed set of the form from its array, and has no enum of its own', () => {
    expect(enumsIn(applicationSchema as SchemaNode)).toEqual({
      '$.applicant.organisation.sector': [...ORGANISATION_SECTORS],
      '$.ethicsApproval.committee': [...ETHICS_COMMITTEES],
      '$.ethicsApproval.status': [...ETHICS_STATUSES],
      '$.output': [...OUTPUT_KINDS],
      '$.processingEnvironment': [...PROCESSING_ENVIRONMENTS],
      '$.danishPartner.sector': [...ORGANISATION_SECTORS],
    });
  });

  it('refuses a fixture value outside the array, naming the allowed values in order', () => {
    const application = { ...fixture('common', 'pseudonymised-with-justification.json').application, output: 'raw' };
    expect(validateAgainstSchema('application', 'f.json', application)).toEqual([
      { file: 'f.json', path: '$.output', problem: `must be one of ${OUTPUT_KINDS.map((v) => JSON.stringify(v)).join(', ')}` },
    ]);
  });

  describe('the applicant organisation', () => {
    const withOrganisation = (organisation: Record<string, unknown>) => {
      const { application } = fixture('common', 'clean-public-research.json');
      return { ...application, applicant: { ...application.applicant, organisation } };
    };
    const problems = (organisation: Record<string, unknown>) => validateAgainstSchema('application', 'f.json', withOrganisation(organisation));

    it('accepts a Danish organisation with a valid CVR number, and Greece as EL or GR', () => {
      expect(problems({ name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research' })).toEqual([]);
      expect(problems({ name: 'University of Athens', country: 'EL', sector: 'public_research' })).toEqual([]);
      expect(problems({ name: 'University of Athens', country: 'GR', sector: 'public_research' })).toEqual([]);
    });

    it('refuses a Danish organisation without a CVR number, or with a wrong check digit', () => {
      expect(problems({ name: 'Aarhus Universitet', country: 'DK', sector: 'public_research' })).toEqual([
        { file: 'f.json', path: '$.applicant.organisation.cvr', problem: 'is required' },
      ]);
      expect(problems({ name: 'Aarhus Universitet', cvr: '31119104', country: 'DK', sector: 'public_research' })).toEqual([
        { file: 'f.json', path: '$.applicant.organisation.cvr', problem: 'must be a CVR number: 8 digits with a valid modulus-11 check digit' },
      ]);
    });

    it('refuses a country that is not ISO 3166-1 alpha-2, and the type of before issue 10', () => {
      expect(problems({ name: 'X', country: 'XX', sector: 'private' })).toEqual([
        { file: 'f.json', path: '$.applicant.organisation.country', problem: 'must be an ISO 3166-1 alpha-2 country code such as DK (EL or GR for Greece)' },
      ]);
      expect(problems({ name: 'X', country: 'SE', type: 'foreign' })).toEqual([
        { file: 'f.json', path: '$.applicant.organisation.sector', problem: 'is required' },
        { file: 'f.json', path: '$.applicant.organisation.type', problem: 'unknown property' },
      ]);
    });
  });

  it('lets a fixture name a purpose category outside EHDS art. 53(1), so that the rule can be shown to catch it', () => {
    const { application } = fixture('common', 'purpose-outside-art-53.json');
    expect(PURPOSE_CATEGORIES).not.toContain(application.purposeCategory);
    expect(validateAgainstSchema('application', 'purpose-outside-art-53.json', application)).toEqual([]);
  });

  it('denies exactly the purpose categories that the API refuses (EHDS art. 53(1))', () => {
    const { rules } = JSON.parse(readFileSync(join(SHIPPED_RULES, 'common', 'rules.json'), 'utf8'));
    const rule = rules.find((r: { name: string }) => r.name === 'purpose-outside-ehds-art-53');
    expect(rule.conditions.all).toEqual([{ fact: 'purposeCategory', operator: 'isNoneOf', value: [...PURPOSE_CATEGORIES] }]);
  });

  it('types each field of ApplicationInput with the type derived from its array', () => {
    type Organisation = ApplicationInput['applicant']['organisation'];
    type DanishPartner = NonNullable<ApplicationInput['danishPartner']>;
    type EthicsApproval = NonNullable<ApplicationInput['ethicsApproval']>;
    const proofs = [
      sameType<ApplicationInput['purposeCategory'], PurposeCategory>(true),
      sameType<PurposeCategory, (typeof PURPOSE_CATEGORIES)[number]>(true),
      sameType<Organisation['sector'], OrganisationSector>(true),
      sameType<OrganisationSector, (typeof ORGANISATION_SECTORS)[number]>(true),
      sameType<DanishPartner['sector'], OrganisationSector | undefined>(true),
      sameType<EthicsApproval['committee'], EthicsCommittee>(true),
      sameType<EthicsCommittee, (typeof ETHICS_COMMITTEES)[number]>(true),
      sameType<EthicsApproval['status'], EthicsStatus>(true),
      sameType<EthicsStatus, (typeof ETHICS_STATUSES)[number]>(true),
      sameType<ApplicationInput['output'], OutputKind>(true),
      sameType<OutputKind, (typeof OUTPUT_KINDS)[number]>(true),
      sameType<ApplicationInput['processingEnvironment'], ProcessingEnvironment>(true),
      sameType<ProcessingEnvironment, (typeof PROCESSING_ENVIRONMENTS)[number]>(true),
    ];
    expect(proofs.every(Boolean)).toBe(true);
  });
});
