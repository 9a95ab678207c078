import { createValidationPipe, RequestValidationError } from '@kp/http';
import {
  ApplicationInput,
  ETHICS_COMMITTEES,
  ETHICS_STATUSES,
  ORGANISATION_SECTORS,
  OUTPUT_KINDS,
  PROCESSING_ENVIRONMENTS,
  PURPOSE_CATEGORIES,
} from '@kp/rules';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOkResponse, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { PublicApplicationDto } from './public-register.dto';
import { ApplicationContentDto } from './application-content.dto';

/** The field errors without the rule and values that name their message for translation. */
const asAnswered = (errors: { field: string; messages: string[] }[]) => errors.map(({ field, messages }) => ({ field, messages }));

/** Validates a body as the API does: the same pipe, the same field errors. */
const validateBody = (body: object) => createValidationPipe().transform(body, { type: 'body', metatype: ApplicationContentDto });

const organisation = (fields: Record<string, unknown>) => ({ name: 'Aarhus Universitet', cvr: '31119103', country: 'DK', sector: 'public_research', ...fields });
const applicant = (fields: Record<string, unknown>) => ({ name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: organisation(fields) });

const closedSets: { field: string; values: readonly string[]; body: (value: string) => object }[] = [
  { field: 'purposeCategory', values: PURPOSE_CATEGORIES, body: (purposeCategory) => ({ purposeCategory }) },
  { field: 'applicant.organisation.sector', values: ORGANISATION_SECTORS, body: (sector) => ({ applicant: applicant({ sector }) }) },
  { field: 'ethicsApproval.committee', values: ETHICS_COMMITTEES, body: (committee) => ({ ethicsApproval: { committee, reference: 'H-21012345', status: 'approved' } }) },
  { field: 'ethicsApproval.status', values: ETHICS_STATUSES, body: (status) => ({ ethicsApproval: { committee: 'VEK', reference: 'H-21012345', status } }) },
  { field: 'output', values: OUTPUT_KINDS, body: (output) => ({ output }) },
  { field: 'processingEnvironment', values: PROCESSING_ENVIRONMENTS, body: (processingEnvironment) => ({ processingEnvironment }) },
  { field: 'danishPartner.sector', values: ORGANISATION_SECTORS, body: (sector) => ({ danishPartner: { name: 'Rigshospitalet', cvr: '29190623', sector } }) },
];

describe('the application DTO and the application-form enums', () => {
  describe.each(closedSets)('$field', ({ field, values, body }) => {
    it('accepts every value of its array', async () => {
      for (const value of values) await expect(validateBody(body(value))).resolves.toBeInstanceOf(ApplicationContentDto);
    });

    it('refuses a value outside it, listing the array in order', async () => {
      const refused = await validateBody(body('not_on_the_form')).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RequestValidationError);
      const property = field.split('.').pop();
      expect(asAnswered((refused as RequestValidationError).errors)).toEqual([{ field, messages: [`${property} must be one of the following values: ${values.join(', ')}`] }]);
    });
  });

  describe('the applicant organisation', () => {
    const errorsFor = async (fields: Record<string, unknown>) => {
      const refused = await validateBody({ applicant: applicant(fields) }).catch((e: unknown) => e);
      return refused instanceof RequestValidationError ? asAnswered(refused.errors) : [];
    };

    it('accepts a Danish organisation with a valid CVR, a foreign one without, and Greece as EL', async () => {
      expect(await errorsFor({})).toEqual([]);
      expect(await errorsFor({ name: 'Karolinska Institutet', cvr: undefined, country: 'SE' })).toEqual([]);
      expect(await errorsFor({ name: 'National and Kapodistrian University of Athens', cvr: undefined, country: 'EL' })).toEqual([]);
    });

    it('refuses a CVR number with a wrong modulus-11 check digit, naming applicant.organisation.cvr', async () => {
      expect(await errorsFor({ cvr: '31119104' })).toEqual([
        { field: 'applicant.organisation.cvr', messages: ['cvr must be a CVR number: 8 digits with a valid modulus-11 check digit'] },
      ]);
    });

    it('refuses a Danish organisation without a CVR number', async () => {
      expect(await errorsFor({ cvr: undefined })).toEqual([{ field: 'applicant.organisation.cvr', messages: ['cvr is required for a Danish organisation (country DK)'] }]);
    });

    it('refuses a country that is not ISO 3166-1 alpha-2, and the type of before issue 10', async () => {
      expect(await errorsFor({ country: 'Denmark' })).toEqual([
        { field: 'applicant.organisation.country', messages: ['country must be an ISO 3166-1 alpha-2 country code such as DK (EL or GR for Greece)'] },
      ]);
      expect(await errorsFor({ type: 'danish_public_research' })).toEqual([{ field: 'applicant.organisation.type', messages: ['property type should not exist'] }]);
    });

    it('checks a Danish partner’s CVR number the same way', async () => {
      const refused = await validateBody({ danishPartner: { name: 'Rigshospitalet', cvr: '29190624' } }).catch((e: unknown) => e);
      expect(asAnswered((refused as RequestValidationError).errors)).toEqual([
        { field: 'danishPartner.cvr', messages: ['cvr must be a CVR number: 8 digits with a valid modulus-11 check digit'] },
      ]);
    });
  });

  describe('in OpenAPI', () => {
    @Controller()
    class FormController {
      @Post() draft(@Body() _content: ApplicationContentDto) {}
      @Get() @ApiOkResponse({ type: PublicApplicationDto }) register() {}
    }

    let schemas: Record<string, { properties: Record<string, { enum?: unknown[] }> }>;
    beforeAll(async () => {
      const module = await Test.createTestingModule({ controllers: [FormController] }).compile();
      const app = module.createNestApplication({ logger: false });
      await app.init();
      const document: OpenAPIObject = SwaggerModule.createDocument(app, new DocumentBuilder().build());
      schemas = document.components!.schemas as typeof schemas;
      await app.close();
    });

    it('lists each closed set from its array', () => {
      expect(schemas.ApplicationContentDto.properties.purposeCategory.enum).toEqual([...PURPOSE_CATEGORIES]);
      expect(schemas.OrganisationDto.properties.sector.enum).toEqual([...ORGANISATION_SECTORS]);
      expect(schemas.EthicsApprovalDto.properties.committee.enum).toEqual([...ETHICS_COMMITTEES]);
      expect(schemas.EthicsApprovalDto.properties.status.enum).toEqual([...ETHICS_STATUSES]);
      expect(schemas.ApplicationContentDto.properties.output.enum).toEqual([...OUTPUT_KINDS]);
      expect(schemas.ApplicationContentDto.properties.processingEnvironment.enum).toEqual([...PROCESSING_ENVIRONMENTS]);
      expect(schemas.DanishPartnerDto.properties.sector.enum).toEqual([...ORGANISATION_SECTORS]);
      expect(schemas.PublicOrganisationDto.properties.sector.enum).toEqual([...ORGANISATION_SECTORS]);
    });
  });

  it('types each field as ApplicationInput does (checked by npm run typecheck)', () => {
    type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const sameType = <A, B>(proof: Same<A, B>) => proof;
    const dto = new ApplicationContentDto();
    type Dto = typeof dto;
    const proofs = [
      sameType<NonNullable<Dto['purposeCategory']>, ApplicationInput['purposeCategory']>(true),
      sameType<NonNullable<Dto['applicant']>['organisation']['sector'], ApplicationInput['applicant']['organisation']['sector']>(true),
      sameType<NonNullable<Dto['ethicsApproval']>['committee'], NonNullable<ApplicationInput['ethicsApproval']>['committee']>(true),
      sameType<NonNullable<Dto['ethicsApproval']>['status'], NonNullable<ApplicationInput['ethicsApproval']>['status']>(true),
      sameType<NonNullable<Dto['output']>, ApplicationInput['output']>(true),
      sameType<NonNullable<Dto['processingEnvironment']>, ApplicationInput['processingEnvironment']>(true),
      sameType<NonNullable<Dto['danishPartner']>['sector'], NonNullable<ApplicationInput['danishPartner']>['sector']>(true),
      sameType<NonNullable<Dto['researchers']>[number], ApplicationInput['researchers'][number]>(true),
      sameType<NonNullable<Dto['declarations']>, ApplicationInput['declarations']>(true),
      sameType<NonNullable<Dto['dataRequests']>[number]['wholeRegister'], ApplicationInput['dataRequests'][number]['wholeRegister']>(true),
      sameType<NonNullable<Dto['dataRequests']>[number]['necessity'], ApplicationInput['dataRequests'][number]['necessity']>(true),
    ];
    expect(proofs.every(Boolean)).toBe(true);
  });
});
