import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { DomainError, notFound } from '@kp/errors';
import { Notifier } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { CaseTransitions } from '@kp/cases';
import { AnswerHearingCommand } from './answer-hearing.command';
import { partyHearingView, PartyHearingView } from './party-hearing.view';

/**
 * The applicant answers a hearing (forvaltningsloven § 19): the answer is attached to the case, the
 * wait on the applicant ends, and whoever holds the case is told. Only the applicant answers; an
 * answer after the deadline is refused, as the caseworker may then have decided.
 */
@Injectable()
export class AnswerHearing {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly hearings: PartyHearingRepository,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: AnswerHearingCommand): Promise<PartyHearingView> {
    const answer = command.answer.trim();
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const hearing = await this.hearings.find(manager, command.hearingId);
      if (!hearing || hearing.kind !== 'held') throw notFound('hearing', command.hearingId);
      const notFoundAs = { what: 'hearing', id: command.hearingId };
      const done = await this.transitions.transition(manager, actor, { caseId: hearing.caseId, command: 'answer_hearing', expectedVersion: command.expectedVersion, at, notFound: notFoundAs }, async ({ c }) => {
        // Access first: only the applicant is a party to the hearing; anyone else learns nothing of it.
        if (c.applicantSub !== actor.sub) throw notFound('hearing', command.hearingId);
        if (hearing.closedAt) throw new DomainError('hearing-closed', 'This hearing was closed when the application was withdrawn; no answer is expected.', { closedReason: hearing.closedReason });
        if (hearing.answeredAt !== null) throw new DomainError('hearing-answered', 'This hearing has already been answered; the answer stands as given.');
        if (new Date(hearing.answerDueAt!) <= at) throw new DomainError('hearing-overdue', `The deadline to answer this hearing passed at ${new Date(hearing.answerDueAt!).toISOString()}; contact the caseworker.`);
        const answered = await this.hearings.answer(manager, hearing.id, answer, actor.sub, at);
        // Before a refusal the case's holder is told; before a revocation, whoever sent the hearing (EHDS art. 63).
        const told = hearing.subject === 'revocation' ? hearing.sentBy : c.assigneeSub;
        if (told) {
          await this.notifier.notify(manager, {
            to: { sub: told },
            kind: 'hearing_answered',
            caseId: c.id,
            caseNumber: c.number,
            title: { da: `Sag ${c.number}: ansøgeren har svaret i partshøringen`, en: `Case ${c.number}: the applicant answered the hearing` },
            body: { da: answer, en: answer },
          });
        }
        const payload = hearing.subject === 'revocation' ? { hearingId: hearing.id, permitId: hearing.permitId } : { hearingId: hearing.id, subCaseId: hearing.subCaseId };
        return { subCaseId: hearing.subCaseId ?? undefined, result: answered, audit: { action: hearing.subject === 'revocation' ? 'permit.hearing_answered' : 'case.hearing_answered', payload } };
      });
      return partyHearingView(done.result);
    });
  }
}
