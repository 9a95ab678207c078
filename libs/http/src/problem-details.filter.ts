import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, FieldError } from '@kp/errors';
import { Request, Response } from 'express';
import { bodyParserDetail, isBodyParserError } from './body-parser-error';
import { isDependencyUnavailable, RETRY_AFTER_UNAVAILABLE_S } from './dependency-unavailable';
import { NO_STORE } from './cache-control';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';
import { hasProblemStatus, problemStatus } from './problem-status';
import { localisedFieldErrors, ProblemLanguage, problemLanguage, problemText } from './problem-texts/problem-texts';
import { RequestValidationError } from './validation';

/** The parts of a problem before it is put in words: its type's slug, status, English detail and what the wording may use. */
interface Refusal {
  slug: string;
  /** The detail's key in the texts, when not the slug. */
  detailKey?: string;
  status: number;
  detail: string;
  values?: Record<string, unknown>;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}

/**
 * Every error leaves the API as RFC 9457 problem+json, internals never leak, and `title`, `detail`
 * and field messages are in the language of Accept-Language (Danish by default; problem-texts).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const language = problemLanguage(request);
    const problem = this.write(this.toRefusal(exception, request), language);
    problem.instance = request.originalUrl ?? request.url;
    if (request.id) problem.requestId = String(request.id);
    const unavailable = problem.status === HttpStatus.SERVICE_UNAVAILABLE;
    // A dependency that does not answer, or readiness while shutting down: operations, not a bug — a line, no stack trace.
    if (unavailable) this.logger.warn({ reason: (exception as Error)?.message, requestId: request.id }, 'service unavailable');
    else if (problem.status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    // A refused body is the client's fault: a line for operators, no stack trace.
    else if (isBodyParserError(exception)) this.logger.warn({ type: exception.type, status: problem.status, requestId: request.id }, 'request body refused');
    // A refusal is never kept, even on a route whose answers may be (@PublicCache sets its header before the handler runs).
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).set('Cache-Control', NO_STORE).setHeader('Content-Language', language);
    if (unavailable) response.setHeader('Retry-After', String(RETRY_AFTER_UNAVAILABLE_S));
    response.vary('Accept-Language').send(JSON.stringify(problem));
  }

  /** The problem in `language`: the type's title, the detail (English: the error's own sentence), one message per field. */
  private write({ slug, detailKey = slug, status, detail, values = {}, errors, extensions = {} }: Refusal, language: ProblemLanguage): ProblemDetails {
    const fieldValues = errors ? { fields: errors.map((e) => e.field).join(', '), count: errors.length } : {};
    const words = { ...values, ...fieldValues };
    const problem: ProblemDetails = {
      ...extensions,
      type: PROBLEM_BASE + slug,
      title: problemText(language, `title.${slug}`) ?? problemText(language, `title.${slugOf(status)}`) ?? problemType(status).title,
      status,
      detail: language === 'en' ? detail : localisedDetail(problemText(language, `detail.${detailKey}`, words), detail),
    };
    if (errors) problem.errors = localisedFieldErrors(language, errors);
    return problem;
  }

  private toRefusal(exception: unknown, request: Request): Refusal {
    if (exception instanceof DomainError) {
      const status = problemStatus(exception.code);
      if (!hasProblemStatus(exception.code)) this.logger.warn({ code: exception.code }, `no status for domain error code ${exception.code}; answered ${status}`);
      const { errors, ...params } = exception.params as { errors?: FieldError[] };
      return { slug: exception.code, status, detail: exception.detail, values: wordingOf(exception), errors, extensions: params };
    }
    if (exception instanceof RequestValidationError) {
      const tooDeep = exception.errors.find((e) => e.rule === 'too-deep');
      return { slug: 'validation', detailKey: tooDeep ? 'too-deep' : undefined, status: 400, detail: exception.message, errors: exception.errors, values: { ...tooDeep?.args } };
    }
    if (isBodyParserError(exception)) {
      return { slug: slugOf(exception.status), status: exception.status, detail: bodyParserDetail(exception), values: { limit: exception.limit, message: exception.message } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : (this.messageOf(body) ?? exception.message);
      if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(detail)) {
        const [method, path] = detail.replace(/^Cannot /, '').split(' ');
        return { slug: slugOf(404), detailKey: 'route-not-found', status, detail: `${detail.replace(/^Cannot /, 'There is no route ')}. See /docs for the API.`, values: { method, path } };
      }
      return { slug: slugOf(status), status, detail, values: { message: detail } };
    }
    if (isDependencyUnavailable(exception)) {
      const status = HttpStatus.SERVICE_UNAVAILABLE;
      return { slug: slugOf(status), status, detail: 'A service this request needs (the database or the queue) does not answer; send the request again shortly (with the same Idempotency-Key, where it takes one).' };
    }
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { slug: slugOf(status), status, detail: 'Something went wrong on our side. Quote the request id when you contact support.' };
  }

  private messageOf(body: object): string | undefined {
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  }
}

const slugOf = (status: number) => problemType(status).type.slice(PROBLEM_BASE.length);

/**
 * What a translated detail may say: the error's params and the wording-only fields a subclass keeps
 * (`what` and `id` of a not-found, the versions of a stale one), with `what` as a noun of the language.
 */
function wordingOf(error: DomainError): Record<string, unknown> {
  const { code: _code, detail: _detail, params, name: _name, message: _message, stack: _stack, ...own } = error as DomainError & Record<string, unknown>;
  const what = typeof own.what === 'string' ? own.what : undefined;
  const queues = Array.isArray(params.queues) ? { queueList: params.queues.join(', ') } : {};
  return { ...params, ...own, ...queues, ...(what ? { noun: problemText('da', `noun.${what}`) ?? what, definite: problemText('da', `definite.${what}`) ?? 'Den' } : {}) };
}

/** The detail in the caller's language, or the error's own (English) sentence where the error did not carry every value the template names. */
function localisedDetail(localised: string | undefined, own: string): string {
  return localised === undefined || /\{\{\s*\w+\s*\}\}/.test(localised) ? own : localised;
}
