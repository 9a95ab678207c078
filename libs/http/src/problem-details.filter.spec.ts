import { DomainError, NotFoundError } from '@kp/errors';
import { ArgumentsHost, Logger } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';

function answer(exception: unknown): { status: number; type: string; body: string } {
  const sent = { status: 0, type: '', body: '' };
  const response = {
    status: (status: number) => ((sent.status = status), response),
    type: (type: string) => ((sent.type = type), response),
    send: (body: string) => ((sent.body = body), response),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/v1/cases/EK-2026-000001/withdraw', id: 'req-1' }), getResponse: () => response }) };
  new ProblemDetailsFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  it('answers a domain error with the status of its code, its params as extension members', () => {
    const sent = answer(new DomainError('command-not-allowed', 'A researcher cannot withdraw when the case is decided.', { state: 'decided', command: 'withdraw' }));
    expect(sent.status).toBe(409);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toBe(
      JSON.stringify({
        state: 'decided',
        command: 'withdraw',
        type: 'https://kontaktpunkt.dk/problems/command-not-allowed',
        title: 'Conflict',
        status: 409,
        detail: 'A researcher cannot withdraw when the case is decided.',
        instance: '/v1/cases/EK-2026-000001/withdraw',
        requestId: 'req-1',
      }),
    );
  });

  it('does not answer the wording-only fields of a subclass', () => {
    expect(JSON.parse(answer(new NotFoundError('case', 'EK-2026-000001')).body)).toEqual({
      type: 'https://kontaktpunkt.dk/problems/not-found',
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
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'https://kontaktpunkt.dk/problems/not-yet-mapped', title: 'Unprocessable request', status: 422 });
  });
});
