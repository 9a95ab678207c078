import { BusinessClock } from '@kp/clock';
import { CaseClockService, CaseOutlook, CaseRecord, Opened, canSeeCase, SubCaseRepository, ConsultationRepository, ScreeningRepository, LegalMatterRepository } from '@kp/cases';
import { notFound } from '@kp/errors';
import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseFileRepository, PartyRole, TeamMemberRepository } from '@kp/cases';
import { caseView, CaseView } from '../views/case.view';
import { GetCaseCommand } from './get-case.command';

/**
 * Reads one case. Access is checked on the object first; a read by anyone but the applicant is
 * itself logged (who viewed which case when), as the regions' MinLog does for patient records.
 */
@Injectable()
export class GetCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly legalMatterRepository: LegalMatterRepository,
    private readonly screenings: ScreeningRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly subCaseRepository: SubCaseRepository,
    private readonly clocks: CaseClockService,
    private readonly audit: AuditLog,
    private readonly clock: BusinessClock,
    private readonly outlook: CaseOutlook,
    private readonly team: TeamMemberRepository,
  ) {}

  async execute(actor: Actor, { caseId: idOrNumber }: GetCaseCommand): Promise<CaseView> {
    return this.db.transaction(async (manager) => {
      const c = await this.cases.find(manager, idOrNumber);
      if (!c) throw notFound('case', idOrNumber);
      const view = await this.load(manager, actor, c);
      if (actor.role !== 'researcher') {
        await this.audit.append(manager, { actor, action: 'case.viewed', subject: { type: 'case', id: c.number }, payload: { caseId: c.id } });
      }
      return view;
    });
  }

  /**
   * A case just opened in this transaction, from what was written (issue 17: the 202 of submit no
   * longer reads the case back): nothing has been screened, consulted or raised on it yet; the
   * next steps and whom it waits on are worked out as for any read. Call it from opening's
   * `alsoWrite`, before the case number and the audit event lock what every submit shares; the
   * view takes the number with {@link numbered}.
   */
  async ofOpened(manager: EntityManager, actor: Actor, opened: Opened): Promise<CaseView> {
    const { case: c, subCases, clock } = opened;
    const outlook = await this.outlook.ofOpened(manager, actor, opened, this.clock.now());
    // Only the applicant submits (the lifecycle table), so the reader of the 202 is the applicant.
    return caseView(actor, { c, subCases, screenings: [], consultations: [], legalMatters: [], clock, outlook, myRole: 'applicant' });
  }

  /** The view of a case opened without its number yet, once the number is taken. */
  numbered(view: CaseView, c: CaseRecord): CaseView {
    return { ...view, number: c.number };
  }

  /** The case as `actor` may see it, or 404 when they may not see it at all. */
  async load(manager: EntityManager, actor: Actor, c: CaseRecord): Promise<CaseView> {
    // One connection per transaction: queries run one after another.
    const subCases = await this.subCaseRepository.forCase(manager, c.id);
    const consultations = await this.consultationRepository.forCase(manager, c.id);
    if (!canSeeCase(actor, c, subCases, consultations)) throw notFound('case', c.number);
    const screenings = await this.screenings.latestForCase(manager, c.id);
    const legalMatters = await this.legalMatterRepository.forCase(manager, c.id);
    const now = this.clock.now();
    // The clock and the outlook's two clock questions share one read of the events (three before, issue 17).
    const clockEvents = await this.clocks.events(manager, c.id);
    const clock = await this.clocks.forCase(manager, c, subCases, now, clockEvents);
    const outlook = await this.outlook.of(manager, actor, { c, subCases, consultations, legalMatters, clock }, now, { clockEvents });
    return caseView(actor, { c, subCases, screenings, consultations, legalMatters, clock, outlook, myRole: await this.myRole(manager, actor, c) });
  }

  private async myRole(manager: EntityManager, actor: Actor, c: CaseRecord): Promise<PartyRole | null> {
    if (actor.role !== 'researcher') return null;
    if (c.applicantSub === actor.sub) return 'applicant';
    return (await this.team.roleOf(manager, c.applicationId, actor.sub)) ?? null;
  }
}
