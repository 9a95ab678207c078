import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@kp/errors';
import { Request, Response } from 'express';
import { bodyParserDetail, isBodyParserError } from './body-parser-error';
import { NO_STORE } from './cache-control';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';
import { hasProblemStatus, problemStatus } from './problem-status';
import { RequestValidationError } from './validation';

/** Every error leaves the API as RFC 9457 problem+json; internals never leak. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl ?? request.url;
    if (request.id) problem.requestId = String(request.id);
    if (problem.status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    // A refused body is the client's fault: a line for operators, no stack trace.
    else if (isBodyParserError(exception)) this.logger.warn({ type: exception.type, status: problem.status, requestId: request.id }, 'request body refused');
    // A refusal is never kept, even on a route whose answers may be (@PublicCache sets its header before the handler runs).
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).set('Cache-Control', NO_STORE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = problemStatus(exception.code);
      if (!hasProblemStatus(exception.code)) this.logger.warn({ code: exception.code }, `no status for domain error code ${exception.code}; answered ${status}`);
      const { title } = problemType(status);
      return { ...exception.params, type: PROBLEM_BASE + exception.code, title, status, detail: exception.detail };
    }
    if (exception instanceof RequestValidationError) {
      return { type: PROBLEM_BASE + 'validation', title: 'Invalid request', status: 400, detail: exception.message, errors: exception.errors };
    }
    if (isBodyParserError(exception)) {
      return { ...problemType(exception.status), status: exception.status, detail: bodyParserDetail(exception) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : this.messageOf(body) ?? exception.message;
      return { ...problemType(status), status, detail: this.humanise(status, detail) };
    }
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { ...problemType(status), status, detail: 'Something went wrong on our side. Quote the request id when you contact support.' };
  }

  private messageOf(body: object): string | undefined {
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  }

  private humanise(status: number, detail: string): string {
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(detail)) {
      return `${detail.replace(/^Cannot /, 'There is no route ')}. See /docs for the API.`;
    }
    return detail;
  }
}
