import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../api.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The document as the running API serves it, without a database, a queue or a port: Nest's preview
 * mode resolves the module graph and the controllers' metadata but calls no provider factory, so
 * no configuration is read and nothing connects.
 */
export async function openApiDocumentWithoutServer(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule.register({ withWorker: false }), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
