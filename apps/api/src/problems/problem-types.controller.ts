import { Public } from '@kp/auth';
import { problemTypes, problemTypesPage } from '@kp/http';
import { Controller, Get, Header, NotFoundException, Param, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * Where each problem `type` URI resolves (RFC 9457 §3.1.1: a type URI should lead to documentation
 * a person can read): one HTML page in Danish and English beside the API reference at /docs. It is
 * documentation, not an operation, so it stays out of the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@Controller('docs/problems')
export class ProblemTypesController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return problemTypesPage();
  }

  @Get(':type')
  @Redirect()
  one(@Param('type') type: string): { url: string } {
    if (!problemTypes().some((t) => t.type === type)) throw new NotFoundException(`There is no problem type ${type}.`);
    return { url: `/docs/problems#${type}` };
  }
}
