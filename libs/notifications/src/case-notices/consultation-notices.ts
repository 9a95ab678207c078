import { CaseHookContext, CaseHooks, ConsultationRecord, ConsultationRepository } from '@kp/cases';
import { copenhagenDateOf } from '@kp/clock';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewNotification } from '../domain/notification';
import { Notifier } from '../notify/notifier';

/**
 * Who must act on a consultation (rådgivning) is told, as hooks on the case kernel's transition, in
 * the command's transaction: a question — asked by a caseworker or required by the rules at
 * screening — reaches the advisors of the region addressed; an answer reaches the case holder (the
 * assignee; else the caseworker who asked; else every caseworker).
 */
@Injectable()
export class ConsultationNotices implements OnModuleInit {
  constructor(
    private readonly hooks: CaseHooks,
    private readonly consultations: ConsultationRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.hooks.after(['consult', 'screen'], (manager, context) => this.requested(manager, context));
    this.hooks.after('answer_consultation', (manager, context) => this.answered(manager, context));
  }

  /** The consultations this command opened: created at its business time. */
  private async requested(manager: EntityManager, { case: c, at }: CaseHookContext): Promise<void> {
    const opened = (await this.consultations.forCase(manager, c.id)).filter((k) => k.state === 'open' && k.createdAt.getTime() === at.getTime());
    for (const region of new Set(opened.map((k) => k.advisorRegion))) {
      const asked = opened.filter((k) => k.advisorRegion === region);
      const deadline = copenhagenDateOf(earliest(asked)).toString();
      await this.notify(manager, {
        to: { role: 'advisor', region },
        kind: 'consultation_requested',
        caseId: c.id,
        caseNumber: c.number,
        title: { da: `Anmodning om rådgivning i sag ${c.number}`, en: `Consultation requested in case ${c.number}` },
        body: {
          da: `Kontaktpunktet beder om jeres rådgivning (${asked.length} spørgsmål). Svar senest ${deadline}; derefter fortsætter sagen uden svaret.`,
          en: `The contact point asks for your advice (${asked.length} ${asked.length === 1 ? 'question' : 'questions'}). Answer by ${deadline}; after that the case goes on without it.`,
        },
      });
    }
  }

  /** The consultation this command answered: answered at its business time by the actor. */
  private async answered(manager: EntityManager, { case: c, actor, at }: CaseHookContext): Promise<void> {
    const k = (await this.consultations.forCase(manager, c.id)).find((x) => x.answeredBy === actor.sub && x.answeredAt?.getTime() === at.getTime());
    if (!k) return;
    const holder = c.assigneeSub ?? (k.origin === 'caseworker' ? k.requestedBy : undefined);
    await this.notify(manager, {
      to: holder ? { sub: holder } : { role: 'caseworker' },
      kind: 'consultation_answered',
      caseId: c.id,
      caseNumber: c.number,
      title: { da: `Rådgivning besvaret i sag ${c.number}`, en: `Consultation answered in case ${c.number}` },
      body: { da: `Rådgiverne i ${k.advisorRegion} har svaret på kontaktpunktets spørgsmål.`, en: `The advisors of ${k.advisorRegion} have answered the contact point’s question.` },
    });
  }

  private notify(manager: EntityManager, notice: NewNotification) {
    return this.notifier.notify(manager, notice);
  }
}

function earliest(consultations: ConsultationRecord[]): Date {
  return new Date(Math.min(...consultations.map((k) => k.deadline.getTime())));
}
