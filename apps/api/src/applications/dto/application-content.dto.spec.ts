import { createValidationPipe, RequestValidationError } from '@kp/http';
import {
  ApplicationInput,
  DANISH_PARTNER_TYPES,
  ETHICS_COMMITTEES,
  ORGANISATION_TYPES,
  OUTPUT_KINDS,
  PROCESSING_ENVIRONMENTS,
  PURPOSE_CATEGORIES,
} from '@kp/rules';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOkResponse, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { PublicApplicationDto } from './public-register.dto';
import { ApplicationContentDto } from './application-content.dto';

/** Validates a body as the API does: the same pipe, the same field errors. */
const validateBody = (body: object) => createValidationPipe().transform(body, { type: 'body', metatype: ApplicationContentDto });

const applicant = (type: string) => ({ name: 'Mette Jensen', email: 'mette.jensen@au.dk', organisation: { name: 'Aarhus Universitet', country: 'DK', type } });

const closedSets: { field: string; values: readonly string[]; body: (value: string) => object }[] = [
  { field: 'purposeCategory', values: PURPOSE_CATEGORIES, body: (purposeCategory) => ({ purposeCategory }) },
  { field: 'applicant.organisation.type', values: ORGANISATION_TYPES, body: (type) => ({ applicant: applicant(type) }) },
  { field: 'ethicsApproval.committee', values: ETHICS_COMMITTEES, body: (committee) => ({ ethicsApproval: { committee, reference: 'H-21012345' } }) },
  { field: 'output', values: OUTPUT_KINDS, body: (output) => ({ output }) },
  { field: 'processingEnvironment', values: PROCESSING_ENVIRONMENTS, body: (processingEnvironment) => ({ processingEnvironment }) },
  { field: 'danishPartner.type', values: DANISH_PARTNER_TYPES, body: (type) => ({ danishPartner: { name: 'Rigshospitalet', cvr: '12345678', type } }) },
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
      expect((refused as RequestValidationError).errors).toEqual([{ field, messages: [`${property} must be one of the following values: ${values.join(', ')}`] }]);
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
      expect(schemas.OrganisationDto.properties.type.enum).toEqual([...ORGANISATION_TYPES]);
      expect(schemas.EthicsApprovalDto.properties.committee.enum).toEqual([...ETHICS_COMMITTEES]);
      expect(schemas.ApplicationContentDto.properties.output.enum).toEqual([...OUTPUT_KINDS]);
      expect(schemas.ApplicationContentDto.properties.processingEnvironment.enum).toEqual([...PROCESSING_ENVIRONMENTS]);
      expect(schemas.DanishPartnerDto.properties.type.enum).toEqual([...DANISH_PARTNER_TYPES]);
      expect(schemas.PublicOrganisationDto.properties.type.enum).toEqual([...ORGANISATION_TYPES]);
    });
  });

  it('types each field as ApplicationInput does (checked by npm run typecheck)', () => {
    type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const sameType = <A, B>(proof: Same<A, B>) => proof;
    const dto = new ApplicationContentDto();
    type Dto = typeof dto;
    const proofs = [
      sameType<NonNullable<Dto['purposeCategory']>, ApplicationInput['purposeCategory']>(true),
      sameType<NonNullable<Dto['applicant']>['organisation']['type'], ApplicationInput['applicant']['organisation']['type']>(true),
      sameType<NonNullable<Dto['ethicsApproval']>['committee'], NonNullable<ApplicationInput['ethicsApproval']>['committee']>(true),
      sameType<NonNullable<Dto['output']>, ApplicationInput['output']>(true),
      sameType<NonNullable<Dto['processingEnvironment']>, ApplicationInput['processingEnvironment']>(true),
      sameType<NonNullable<Dto['danishPartner']>['type'], NonNullable<ApplicationInput['danishPartner']>['type']>(true),
    ];
    expect(proofs.every(Boolean)).toBe(true);
  });
});
