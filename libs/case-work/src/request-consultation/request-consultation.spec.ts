import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { ValidationFailedError } from '@kp/errors';
import { RequestConsultationCommand } from './request-consultation.command';
import { RequestConsultation } from './request-consultation.usecase';

describe('a consultation request', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const clock: BusinessClock = { now: () => now };
  // The deadline is checked before anything is read, so no database or registry is needed here.
  const useCase = new RequestConsultation(undefined as never, undefined as never, undefined as never, undefined as never, clock);
  const caseworker: Actor = { sub: 'cw-1', role: 'caseworker' };
  const command = (deadline: string) => RequestConsultationCommand.create({ caseId: 'EK-2026-000001', advisorRegion: 'region-midtjylland', question: 'Is the cohort feasible?', deadline });

  it('refuses a deadline that is not in the future by business time', async () => {
    for (const deadline of ['2026-03-02T09:00:00Z', '2026-03-01T12:00:00Z']) {
      const refusal = await useCase.execute(caseworker, command(deadline)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ValidationFailedError);
      expect(refusal).toMatchObject({ detail: 'The consultation has 1 problem: deadline.', params: { errors: [{ field: 'deadline', messages: ['must be in the future'] }] } });
    }
  });
});
