import { Actor } from '@kp/auth';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { BusinessClock, copenhagenDateOf, DanishCalendar, endOfCopenhagenDay } from '@kp/clock';
import { DomainError } from '@kp/errors';
import { Notifier, quoteInNotice } from '@kp/notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DecisionContext } from '../domain/decision-context';
import { DecisionRepository } from '../infrastructure/decision.repository';
import { PartyHearingRepository } from '../infrastructure/party-hearing.repository';
import { HearPartyCommand } from './hear-party.command';
import { partyHearingView, PartyHearingView } from './party-hearing.view';

/**
 * Partshøring (forvaltningsloven § 19, stk. 1): before refusing a part on facts the applicant has
 * not commented on, the caseworker sends the draft grounds with a deadline. The statutory clock
 * runs on (EHDS art. 68(4) knows no pause for it), but the case records that it waits on the
 * applicant, by the hearing's deadline. The deadline is a period in days counted from the day the
 * hearing is sent, ending at the end of its last day in Danish time, moved to the next working day
 * when that day is a Saturday, Sunday or public holiday (Regulation 1182/71 art. 3(4), as for a
 * request for supplement): a party is never given a bare timestamp or a deadline on a day off.
 */
@Injectable()
export class HearParty {
  private readonly calendar = new DanishCalendar();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: DecisionContext,
    private readonly hearings: PartyHearingRepository,
    private readonly decisions: DecisionRepository,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: HearPartyCommand): Promise<PartyHearingView> {
    const { caseId, subCaseId, expectedVersion } = command;
    const draftGrounds = command.draftGrounds.trim();
    // The notice quotes the grounds as far as a notice's body allows; the hearing on the case holds them whole.
    const quoted = quoteInNotice(draftGrounds);
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.context.transition(manager, actor, { caseId, subCaseId, command: 'hear_party', expectedVersion, at }, async ({ c, subCase }) => {
        if (subCase.state !== 'in_review') {
          throw new DomainError('sub-case-not-ready', `The ${subCase.dataSourceName} part is ${subCase.state.replace(/_/g, ' ')}; the applicant is heard before its decision is drafted, while it is in review.`);
        }
        if (await this.decisions.pendingDraft(manager, subCase.id)) {
          throw new DomainError('draft-pending', 'A draft decision for this part already waits for approval; return it before hearing the applicant on new grounds.');
        }
        const open = (await this.hearings.forSubCase(manager, subCase.id)).find((h) => h.kind === 'held' && h.answeredAt === null && new Date(h.answerDueAt!) > at);
        if (open) throw new DomainError('hearing-open', `The applicant has until ${new Date(open.answerDueAt!).toISOString()} to answer the hearing already sent on this part.`, { hearingId: open.id });
        const answerDueAt = endOfCopenhagenDay(this.calendar.nextWorkingDayFrom(copenhagenDateOf(at).plusDays(command.answerDays ?? this.config.hearingDays)));
        const hearing = await this.hearings.insert(manager, { caseId: c.id, subCaseId: subCase.id, kind: 'held', draftGrounds, answerDueAt, dispensedReason: null, sentBy: actor.sub, sentAt: at });
        const due = answerDueAt.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen' });
        const dueEn = answerDueAt.toLocaleDateString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
        await this.notifier.notify(manager, {
          to: { sub: c.applicantSub },
          kind: 'hearing_sent',
          caseId: c.id,
          caseNumber: c.number,
          title: { da: `Sag ${c.number}: partshøring før afgørelse`, en: `Case ${c.number}: your comments before a decision` },
          body: {
            da: `Vi overvejer at give afslag på ${subCase.dataSourceName} på dette grundlag. Du kan komme med bemærkninger senest ${due} (forvaltningsloven § 19).\n${quoted.da}`,
            en: `We are considering refusing ${subCase.dataSourceName} on these grounds. You may comment by ${dueEn} (forvaltningsloven § 19).\n${quoted.en}`,
          },
        });
        return {
          result: hearing,
          audit: { action: 'case.hearing_sent', payload: { hearingId: hearing.id, subCaseId: subCase.id, answerDueAt: answerDueAt.toISOString() } },
        };
      });
      return partyHearingView(done.result);
    });
  }
}
