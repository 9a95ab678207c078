import { Controller, INestApplication, Param, Post } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ETag } from './etag.decorator';
import { IfMatch } from './if-match.decorator';
import { ProblemDetailsFilter } from './problem-details.filter';

@Controller('things')
class ThingsController {
  @Post(':id/touch')
  @ETag()
  touch(@Param('id') id: string, @IfMatch() expectedVersion: number | undefined) {
    return { id, version: (expectedVersion ?? 0) + 1, expectedVersion: expectedVersion ?? null };
  }

  @Post(':id/notes')
  @ETag((answer: { caseVersion: number }) => answer.caseVersion)
  async note(@IfMatch('application') expectedVersion: number | undefined) {
    return { caseVersion: 7, expectedVersion: expectedVersion ?? null };
  }
}

describe('If-Match and ETag', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
  });

  afterAll(() => app.close());

  it('hands the handler the version in If-Match, strong, weak or bare, and none when absent', async () => {
    for (const header of ['"3"', 'W/"3"', '3']) {
      expect((await request(app.getHttpServer()).post('/things/a/touch').set('If-Match', header).expect(201)).body.expectedVersion).toBe(3);
    }
    expect((await request(app.getHttpServer()).post('/things/a/touch').expect(201)).body.expectedVersion).toBeNull();
  });

  it('refuses an If-Match that is not an ETag this API gives out with 400 bad-if-match', async () => {
    const refused = await request(app.getHttpServer()).post('/things/a/touch').set('If-Match', '"v3"').set('Accept-Language', 'en').expect(400);
    expect(refused.body).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/bad-if-match', detail: 'If-Match must be the ETag you received, such as "3"; got "v3".' });
  });

  it('answers with the ETag of the returned resource, or of the version the route names', async () => {
    expect((await request(app.getHttpServer()).post('/things/a/touch').set('If-Match', '"3"').expect(201)).headers.etag).toBe('"4"');
    expect((await request(app.getHttpServer()).post('/things/a/notes').expect(201)).headers.etag).toBe('"7"');
  });

  it('documents If-Match as an optional header of each route that reads it', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const headers = (path: string) => (document.paths[path].post?.parameters ?? []).filter((p) => 'in' in p && p.in === 'header');
    expect(headers('/things/{id}/touch')).toEqual([{ name: 'If-Match', in: 'header', required: false, description: 'ETag (version) of the case you acted on; 412 when stale', schema: { type: 'string' } }]);
    expect(headers('/things/{id}/notes')).toEqual([expect.objectContaining({ name: 'If-Match', required: false, description: expect.stringContaining('of the application') })]);
  });
});
