import { Controller, INestApplication, Post } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { IdempotencyKey } from './idempotency-key.decorator';
import { ProblemDetailsFilter } from './problem-details.filter';

@Controller('things')
class ThingsController {
  @Post()
  create(@IdempotencyKey('the same key returns the same thing') key: string | undefined) {
    return { key: key ?? null };
  }
}

describe('Idempotency-Key', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = (await Test.createTestingModule({ controllers: [ThingsController] }).compile()).createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
  });

  afterAll(() => app.close());

  it('hands the handler the key, or none when absent', async () => {
    expect((await request(app.getHttpServer()).post('/things').set('Idempotency-Key', 'a1b2c3d4-e5f6.g7:h8_i9').expect(201)).body.key).toBe('a1b2c3d4-e5f6.g7:h8_i9');
    expect((await request(app.getHttpServer()).post('/things').expect(201)).body.key).toBeNull();
  });

  it('refuses a key shorter than 8, longer than 128 or with other characters with 400 bad-idempotency-key', async () => {
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'slash/in/it']) {
      const refused = await request(app.getHttpServer()).post('/things').set('Idempotency-Key', key).expect(400);
      expect(refused.body.type).toBe('https://kontaktpunkt.dk/docs/problems/bad-idempotency-key');
    }
    await request(app.getHttpServer()).post('/things').set('Idempotency-Key', 'x'.repeat(128)).expect(201);
  });

  it('documents the header once, optional, with its format', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const headers = (document.paths['/things'].post?.parameters ?? []).filter((p) => 'in' in p && p.in === 'header');
    expect(headers).toEqual([
      expect.objectContaining({
        name: 'Idempotency-Key',
        required: false,
        description: expect.stringContaining('the same key returns the same thing'),
        schema: expect.objectContaining({ type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9._:-]{8,128}$' }),
      }),
    ]);
  });
});
