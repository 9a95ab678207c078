import { DomainError, NotFoundError } from '@kp/errors';
import { ArgumentsHost, Logger } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';

/** The filter's answer to a request whose Accept-Language picks `language` (as express's acceptsLanguages would). */
function answer(exception: unknown, language: 'da' | 'en' = 'en'): { status: number; type: string; body: string; headers: Record<string, string> } {
  const sent = { status: 0, type: '', body: '', headers: {} as Record<string, string> };
  const response = {
    status: (status: number) => ((sent.status = status), response),
    type: (type: string) => ((sent.type = type), response),
    set: (name: string, value: string) => ((sent.headers[name] = value), response),
    setHeader: (name: string, value: string) => ((sent.headers[name] = value), response),
    vary: (name: string) => ((sent.headers.Vary = name), response),
    send: (body: string) => ((sent.body = body), response),
  };
  const request = { originalUrl: '/v1/cases/EK-2026-000001/withdraw', id: 'req-1', acceptsLanguages: () => language };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) };
  new ProblemDetailsFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  it('answers a domain error with the status of its code, its params as extension members', () => {
    const sent = answer(new DomainError('command-not-allowed', 'A researcher cannot withdraw when the case is decided.', { state: 'decided', command: 'withdraw' }));
    expect(sent.status).toBe(409);
    expect(sent.headers).toEqual({ 'Cache-Control': 'no-store', 'Content-Language': 'en', Vary: 'Accept-Language' });
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toBe(
      JSON.stringify({
        state: 'decided',
        command: 'withdraw',
        type: 'https://kontaktpunkt.dk/docs/problems/command-not-allowed',
        title: 'Not allowed in this state',
        status: 409,
        detail: 'A researcher cannot withdraw when the case is decided.',
        instance: '/v1/cases/EK-2026-000001/withdraw',
        requestId: 'req-1',
      }),
    );
  });

  it('answers in Danish when Accept-Language picks Danish: the type’s title, the detail from the error’s own fields, one message per field', () => {
    const notFound = answer(new NotFoundError('case', 'EK-2026-000001'), 'da');
    expect(notFound.headers).toMatchObject({ 'Content-Language': 'da', Vary: 'Accept-Language' });
    expect(JSON.parse(notFound.body)).toMatchObject({ title: 'Findes ikke', detail: 'Der findes ingen sag EK-2026-000001, som du har adgang til.' });
    const invalid = answer(new DomainError('validation', 'The request has 1 problem: title.', { errors: [{ field: 'title', messages: ['title must be a string', 'too long'], rule: 'isString', args: {} }] }), 'da');
    expect(JSON.parse(invalid.body)).toMatchObject({ title: 'Ugyldige oplysninger', detail: 'Anmodningen har et ugyldigt felt: title.', errors: [{ field: 'title', messages: ['skal være tekst'] }] });
    expect(JSON.parse(invalid.body).errors[0]).not.toHaveProperty('rule');
  });

  it('does not answer the wording-only fields of a subclass', () => {
    expect(JSON.parse(answer(new NotFoundError('case', 'EK-2026-000001')).body)).toEqual({
      type: 'https://kontaktpunkt.dk/docs/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'There is no case EK-2026-000001 that you can see.',
      instance: '/v1/cases/EK-2026-000001/withdraw',
      requestId: 'req-1',
    });
  });

  it('answers a code without a status with the default 422, and logs the missing row', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const sent = answer(new DomainError('not-yet-mapped', 'Refused.'));
    expect(warn).toHaveBeenCalledWith({ code: 'not-yet-mapped' }, expect.stringContaining('not-yet-mapped'));
    warn.mockRestore();
    expect(sent.status).toBe(422);
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/not-yet-mapped', title: 'Request refused', status: 422 });
  });

  it("answers the body parser's refusals with their 4xx status and logs them at warn without a stack", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, expose: true, type: 'entity.too.large', limit: 102400, length: 150000 });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sent = answer(tooLarge);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith({ type: 'entity.too.large', status: 413, requestId: 'req-1' }, 'request body refused');
    jest.restoreAllMocks();
    expect(sent.status).toBe(413);
    expect(sent.type).toBe('application/problem+json');
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/payload-too-large', status: 413, detail: 'The request body is larger than the limit of 102400 bytes.' });
  });

  it('answers an error that only looks like a client error, with a message not meant for clients, as a 500', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sent = answer(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { status: 400, type: 'internal', expose: false }));
    expect(error).toHaveBeenCalled();
    jest.restoreAllMocks();
    expect(sent.status).toBe(500);
    expect(sent.body).not.toContain('10.0.0.5');
  });
  it('answers a database that went away as 503 with Retry-After, logged at warn without a stack and without its address', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const gone = Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } });
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const sent = [answer(gone), answer(refused, 'da')];
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    jest.restoreAllMocks();
    for (const one of sent) {
      expect(one.status).toBe(503);
      expect(one.type).toBe('application/problem+json');
      expect(one.headers['Retry-After']).toBe('5');
      expect(JSON.parse(one.body)).toMatchObject({ type: 'https://kontaktpunkt.dk/docs/problems/unavailable', status: 503 });
      expect(one.body).not.toContain('10.0.0.5');
    }
    expect(JSON.parse(sent[1].body).detail).toMatch(/^En tjeneste, som forespørgslen har brug for/);
  });
});
