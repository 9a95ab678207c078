import { Actor } from '@kp/auth';
import { BusinessClock } from '@kp/clock';
import { CaseTransitions } from '@kp/cases';
import { DomainError, notFound } from '@kp/errors';
import { Notifier, quoteInNotice } from '@kp/notifications';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { partyHearingView, PartyHearingView } from '../party-hearing/party-hearing.view';
import { HearPermitHolderCommand, MAX_REVOCATION_HEARING_DAYS } from './hear-permit-holder.command';
import { revocationHearingStatus } from './revocation-hearing-status';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Hears the holder of an active permit on the grounds for revoking it (EHDS art. 63: the access
 * body may revoke only after hearing the user, who has at most four weeks to answer; forvaltningsloven
 * § 19 before 2029). One hearing at a time per permit; the holder answers through the same route as
 * a hearing before a refusal.
 */
@Injectable()
export class HearPermitHolder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decisions: DecisionRepository,
    private readonly hearings: PartyHearingRepository,
    private readonly transitions: CaseTransitions,
    private readonly notifier: Notifier,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: HearPermitHolderCommand): Promise<PartyHearingView> {
    const grounds = command.grounds.trim();
    // The notice quotes the grounds as far as a notice's body allows; the hearing on the case holds them whole.
    const quoted = quoteInNotice(grounds);
    return this.db.transaction(async (manager) => {
      const permit = await this.decisions.findPermit(manager, command.permitId, true);
      if (!permit) throw notFound('permit', command.permitId);
      const at = this.clock.now();
      const done = await this.transitions.transition(
        manager,
        actor,
        { caseId: permit.caseId, command: 'hear_permit_holder', expectedVersion: command.expectedVersion, at, notFound: { what: 'permit', id: command.permitId } },
        async ({ c }) => {
          if (permit.state !== 'active') throw new DomainError('permit-not-active', `Permit ${permit.number} is ${permit.state}.`);
          const status = revocationHearingStatus(await this.hearings.forPermit(manager, permit.id), at);
          if (status.status === 'open') {
            throw new DomainError('hearing-open', `The holder has until ${new Date(status.hearing.answerDueAt!).toISOString()} to answer the hearing already sent on this permit.`, { hearingId: status.hearing.id });
          }
          const answerDueAt = new Date(at.getTime() + (command.answerDays ?? MAX_REVOCATION_HEARING_DAYS) * DAY_MS);
          const hearing = await this.hearings.insert(manager, {
            caseId: c.id,
            subject: 'revocation',
            permitId: permit.id,
            subCaseId: null,
            kind: 'held',
            draftGrounds: grounds,
            answerDueAt,
            dispensedReason: null,
            sentBy: actor.sub,
            sentAt: at,
          });
          const due = answerDueAt.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen' });
          const dueEn = answerDueAt.toLocaleDateString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
          await this.notifier.notify(manager, {
            to: { sub: c.applicantSub },
            kind: 'hearing_sent',
            caseId: c.id,
            caseNumber: c.number,
            title: { da: `Tilladelse ${permit.number}: partshøring før tilbagekaldelse`, en: `Permit ${permit.number}: your comments before a revocation` },
            body: {
              da: `Vi overvejer at tilbagekalde tilladelse ${permit.number} på dette grundlag. Du kan komme med bemærkninger senest ${due} (forvaltningsloven § 19).\n${quoted.da}`,
              en: `We are considering revoking permit ${permit.number} on these grounds. You may comment by ${dueEn} (EHDS art. 63; forvaltningsloven § 19).\n${quoted.en}`,
            },
          });
          return { result: hearing, audit: { action: 'permit.hearing_sent', payload: { hearingId: hearing.id, permitId: permit.id, number: permit.number, answerDueAt: answerDueAt.toISOString() } } };
        },
      );
      return partyHearingView(done.result);
    });
  }
}
