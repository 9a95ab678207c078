import { canSeeCase, SubCaseRepository, ConsultationRepository } from '@kp/cases';
import { AuditEvent, AuditLog, AuditSubject, eventsFor } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BadCursorError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseFileRepository } from '@kp/cases';
import { APPLICANT_TIMELINE_ACTIONS } from './applicant-timeline-actions';
import { GetCaseAuditTimelineCommand } from './get-case-audit-timeline.command';

export const CASE_AUDIT_VIEWED = 'case.audit_viewed';

/** An entry as staff and supervision see it: the whole event, hashes included, to check it. */
export type FullTimelineEntry = AuditEvent;

/** An entry as the applicant sees it: what happened and when, not who in the contact point nor its internals. */
export interface ApplicantTimelineEntry {
  seq: number;
  at: string;
  action: string;
  actorRole: string;
  subject: AuditSubject;
}

export interface CaseAuditTimelinePage {
  caseNumber: string;
  /** `full` for auditor, caseworker and legal approver; `applicant` for the applicant's own case. */
  view: 'full' | 'applicant';
  items: (FullTimelineEntry | ApplicantTimelineEntry)[];
  nextCursor: string | null;
}

type Policy = { view: 'full'; actions?: undefined } | { view: 'applicant'; actions: readonly string[] };

/**
 * `GET /v1/cases/:id/audit`: the case's history from the audit trail (events about the case, its
 * sub-cases and its application), oldest first, cursor-paginated. Access is checked on the case
 * first; a read by anyone but the applicant is itself audited, like `case.viewed` (MinLog).
 */
@Injectable()
export class GetCaseAuditTimeline {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseFileRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly subCaseRepository: SubCaseRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, { caseId: idOrNumber, ...page }: GetCaseAuditTimelineCommand): Promise<CaseAuditTimelinePage> {
    const afterSeq = decodeSeqCursor(page.cursor);
    return this.db.transaction(async (manager) => {
      const c = await this.cases.find(manager, idOrNumber);
      if (!c) throw notFound('case', idOrNumber);
      const subCases = await this.subCaseRepository.forCase(manager, c.id);
      const consultations = await this.consultationRepository.forCase(manager, c.id);
      const policy = timelinePolicy(actor);
      // Same answer for "no such case" and "not yours": existence of a case is not disclosed.
      if (!policy || !canSeeCase(actor, c, subCases, consultations)) throw notFound('case', idOrNumber);

      const subjects: AuditSubject[] = [
        { type: 'case', id: c.number },
        { type: 'application', id: c.applicationId },
        ...subCases.map((s) => ({ type: 'sub_case', id: s.id })),
      ];
      const found = await eventsFor(manager, { subjects, actions: policy.actions, afterSeq, limit: page.limit });
      if (policy.view === 'full') {
        await this.audit.append(manager, {
          actor,
          action: CASE_AUDIT_VIEWED,
          subject: { type: 'case', id: c.number },
          payload: { caseId: c.id, afterSeq: afterSeq ?? 0, seqs: found.events.map((e) => e.seq) },
        });
      }
      return {
        caseNumber: c.number,
        view: policy.view,
        items: policy.view === 'full' ? found.events : found.events.map(applicantEntry),
        nextCursor: found.nextCursor === null ? null : String(found.nextCursor),
      };
    });
  }
}

/**
 * Auditor: everything (supervision). Caseworker and legal approver: everything on the case.
 * Applicant: the allow-listed steps. Controllers and advisors read the case itself, not its
 * trail, which also covers sub-cases that are not theirs: no timeline (404).
 */
function timelinePolicy(actor: Actor): Policy | undefined {
  switch (actor.role) {
    case 'auditor':
    case 'caseworker':
    case 'legal_approver':
      return { view: 'full' };
    case 'researcher':
      return { view: 'applicant', actions: APPLICANT_TIMELINE_ACTIONS };
    default:
      return undefined;
  }
}

function applicantEntry(e: AuditEvent): ApplicantTimelineEntry {
  return { seq: e.seq, at: e.at, action: e.action, actorRole: e.actor.role, subject: e.subject };
}

function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (/^[1-9]\d{0,14}$/.test(cursor)) return Number(cursor);
  throw new BadCursorError();
}
