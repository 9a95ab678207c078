import { ApplicationRepository } from '@kp/applications';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { NoteRepository } from '@kp/case-work';
import {
  ApplicationContent,
  CaseFileRepository,
  CaseRecord,
  ClockEventRepository,
  ClosedCase,
  ConsultationRepository,
  LegalMatterRepository,
  ScreeningRepository,
  SubCaseRepository,
  TeamMemberRepository,
} from '@kp/cases';
import { BusinessClock } from '@kp/clock';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { SupplementRequestRepository } from '@kp/deadlines';
import { DecisionRepository, PartyHearingRepository, ReconsiderationRepository } from '@kp/decisions';
import { NotificationRepository } from '@kp/notifications';
import { PreScreeningRepository } from '@kp/pre-screening';
import { JobHandler, RecurringJobs } from '@kp/queue';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAttachments } from '../attachments/case-attachments.port';
import { JournalRepository } from '../journal/journal.repository';
import { ArchiveHandover, ArchivePackage } from './archive-handover.port';
import { closedAt, retentionEndsAt } from './retention-period';

export const RETENTION_SWEEP_JOB = 'retention-sweep';

/**
 * Deletes the data of cases closed longer than the retention period (`RETENTION_YEARS`): personal
 * data are kept no longer than needed (GDPR art. 5(1)(e)), and an authority's records are either
 * handed over to the public archives or deleted as Rigsarkivet's rules allow (arkivloven §§ 7–8
 * [check the sections]). First the whole case is handed over through the archive port (when one is
 * configured); then each library erases what it owns of the case — the application, notes,
 * requests for supplement, hearings, appeals and reopening requests, consultations, legal matters,
 * attachments, the team, unissued drafts, pre-screening comments, notices and their e-mails — or
 * strips what must stay (screenings, clock reasons) to no personal data, and the erasure is audited.
 *
 * Kept on purpose: the audit trail (its events name the case by number and carry their own
 * payloads, so the chain still verifies with the rows gone), the decisions (immutable; the public
 * register of decisions, EHDS art. 57(1)(j)) with the drafts they were issued from and the
 * controllers' recommendations they rest on, the permits and delivery orders (what was disclosed
 * to whom), the register's extract of the case (title, purpose, applicant organisation), the
 * journal, and the statutory clock's timings. docs/records-and-retention.md lists every table.
 */
@Injectable()
export class RetentionSweepHandler implements JobHandler, OnModuleInit {
  readonly jobName = RETENTION_SWEEP_JOB;
  /** Each case is erased in a transaction of its own; a case erased is not found again. */
  readonly managesOwnTransactions = true;
  private readonly logger = new Logger(RetentionSweepHandler.name);

  constructor(
    private readonly recurring: RecurringJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: BusinessClock,
    private readonly audit: AuditLog,
    private readonly cases: CaseFileRepository,
    private readonly subCases: SubCaseRepository,
    private readonly consultations: ConsultationRepository,
    private readonly legalMatters: LegalMatterRepository,
    private readonly screenings: ScreeningRepository,
    private readonly clockEvents: ClockEventRepository,
    private readonly team: TeamMemberRepository,
    private readonly applications: ApplicationRepository,
    private readonly notes: NoteRepository,
    private readonly supplements: SupplementRequestRepository,
    private readonly decisions: DecisionRepository,
    private readonly hearings: PartyHearingRepository,
    private readonly reconsiderations: ReconsiderationRepository,
    private readonly notices: NotificationRepository,
    private readonly preScreening: PreScreeningRepository,
    private readonly journal: JournalRepository,
    private readonly attachments: CaseAttachments,
    private readonly archive: ArchiveHandover,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this, everyMs: this.config.records.retentionSweepMs });
  }

  async handle(manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    const years = this.config.records.retentionYears;
    for (const closed of await this.cases.closedNotErased(manager)) {
      const permits = await this.decisions.permitsForCase(manager, closed.id);
      const closedOn = closedAt({ ...closed, permits });
      if (!closedOn || retentionEndsAt(closedOn, years) > now) continue;
      // Each case in a transaction of its own (a savepoint when the caller holds one): one that
      // cannot be handed over (the archive refused it) keeps its data and is tried again on the
      // next run, without holding back the others.
      try {
        await manager.transaction((inner) => this.erase(inner, closed, closedOn, years, now));
      } catch (error) {
        this.logger.warn(`retention of case ${closed.number} failed and will be tried again: ${(error as Error).message}`);
      }
    }
  }

  private async erase(manager: EntityManager, closed: ClosedCase, closedOn: Date, years: number, now: Date): Promise<void> {
    const c = (await this.cases.find(manager, closed.id, true))!;
    const archiveReference = await this.archive.handOver(await this.archivePackage(manager, c, closedOn, now));
    // Counted as rows deleted, except `screenings` and `clockEventReasons`: rows stripped of personal data.
    const erased = {
      notes: await this.notes.eraseForRetention(manager, c.id),
      supplementRequests: await this.supplements.eraseForRetention(manager, c.id),
      hearings: await this.hearings.eraseForRetention(manager, c.id),
      reconsiderations: await this.reconsiderations.eraseForRetention(manager, c.id),
      consultations: await this.consultations.eraseForRetention(manager, c.id),
      legalMatters: await this.legalMatters.eraseForRetention(manager, c.id),
      screenings: await this.screenings.eraseForRetention(manager, c.id),
      clockEventReasons: await this.clockEvents.eraseForRetention(manager, c.id),
      decisionDrafts: await this.decisions.eraseUnissuedDraftsForRetention(manager, c.id),
      attachments: await this.attachments.eraseForRetention(manager, c),
      team: await this.team.eraseForRetention(manager, c.applicationId),
      preScreening: await this.preScreening.eraseForRetention(manager, c.applicationId),
      ...(await this.notices.eraseForRetention(manager, c)),
    };
    await this.applications.eraseForRetention(manager, c.applicationId, now);
    await this.cases.eraseForRetention(manager, c.id, registerExtract(c.content), now);
    await this.audit.append(manager, {
      actor: SYSTEM_ACTOR,
      action: 'case.retention_erased',
      subject: { type: 'case', id: c.number },
      payload: { caseId: c.id, closedAt: closedOn.toISOString(), retentionYears: years, handedOver: archiveReference !== null, archiveReference, erased },
    });
  }

  private async archivePackage(manager: EntityManager, c: CaseRecord, closedOn: Date, now: Date): Promise<ArchivePackage> {
    const journal = await this.journal.findCase(manager, c.id);
    const attachments = await this.attachments.forCase(manager, c);
    return {
      caseNumber: c.number,
      journalNumber: journal?.journalNumber ?? null,
      closedAt: closedOn.toISOString(),
      handedOverAt: now.toISOString(),
      case: { ...c },
      application: (await this.applications.find(manager, c.applicationId)) as unknown as Record<string, unknown>,
      subCases: await this.plain(this.subCases.forCase(manager, c.id)),
      decisions: await this.plain(this.decisions.decisionsForCase(manager, c.id)),
      permits: await this.plain(this.decisions.permitsForCase(manager, c.id)),
      hearings: await this.plain(this.hearings.forCase(manager, c.id)),
      reconsiderations: await this.plain(this.reconsiderations.forCase(manager, c.id)),
      decisionDrafts: await this.plain(this.decisions.draftsForCase(manager, c.id)),
      screenings: await this.plain(this.screenings.forCase(manager, c.id)),
      legalMatters: await this.plain(this.legalMatters.forCase(manager, c.id)),
      clockEvents: await this.plain(this.clockEvents.forCase(manager, c.id)),
      team: await this.plain(this.team.forApplication(manager, c.applicationId)),
      consultations: await this.plain(this.consultations.forCase(manager, c.id)),
      notes: await this.plain(this.notes.notes(manager, c.id)),
      supplementRequests: await this.plain(this.supplements.forCase(manager, c.id)),
      journal: await this.plain(this.journal.documents(manager, c.id)),
      attachments: await Promise.all(
        attachments.map(async (a) => ({ id: a.id, filename: a.filename, mediaType: a.mediaType, sha256: a.sha256, contentBase64: (await a.read()).toString('base64') })),
      ),
    };
  }

  private async plain<T extends object>(rows: Promise<T[]>): Promise<Record<string, unknown>[]> {
    return (await rows).map((r) => ({ ...r }) as Record<string, unknown>);
  }
}

/** What the public register of applications shows of a case (EHDS art. 57(1)(j)): no person, no project detail. */
export function registerExtract(content: ApplicationContent): ApplicationContent {
  const org = content.applicant?.organisation;
  return {
    title: content.title,
    purposeCategory: content.purposeCategory,
    ...(org ? { applicant: { organisation: { name: org.name, country: org.country, sector: org.sector, type: (org as { type?: string }).type } } } : {}),
  } as ApplicationContent;
}
