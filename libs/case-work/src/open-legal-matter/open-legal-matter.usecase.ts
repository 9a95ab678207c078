import { BusinessClock } from '@kp/clock';
import { CaseTransitions, LegalMatterRepository, manualLegalMatterCode } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { legalMatterView, LegalMatterView } from '../resolve-legal-matter/resolve-legal-matter.usecase';
import { OpenLegalMatterCommand } from './open-legal-matter.command';

/**
 * A caseworker or legal approver opens a legal matter the rules did not require — the controller
 * roles or a data processing agreement are seen in the project, not in the application's facts.
 * It blocks an approval of its sub-case until resolved, like a matter the rules opened.
 */
@Injectable()
export class OpenLegalMatter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly legalMatters: LegalMatterRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: OpenLegalMatterCommand): Promise<LegalMatterView & { caseVersion: number }> {
    const { caseId, expectedVersion } = command;
    return this.db.transaction(async (manager) => {
      // The case row stays locked to the end: two people opening the same kind at once take turns.
      const at = this.clock.now();
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'open_legal_matter', expectedVersion, at }, async ({ c, subCases }) => {
        const subCase = subCases.find((s) => s.id === command.subCaseId);
        if (!subCase) throw notFound('sub-case', command.subCaseId);
        if (subCase.state === 'decided' || subCase.state === 'withdrawn') {
          throw new DomainError('sub-case-closed', `The sub-case for ${subCase.dataSourceName} is ${subCase.state}; no decision is left to depend on a legal matter.`);
        }
        const open = await this.legalMatters.openOfKind(manager, subCase.id, command.kind);
        if (open) {
          throw new DomainError('legal-matter-duplicate', `The sub-case for ${subCase.dataSourceName} already has an open ${command.kind.replace(/_/g, ' ')} matter (${open.code}); resolve that one.`, {
            legalMatterId: open.id,
          });
        }
        const n = (await this.legalMatters.countManual(manager, subCase.id, command.kind)) + 1;
        const matter = await this.legalMatters.insert(manager, {
          caseId: c.id,
          subCaseId: subCase.id,
          kind: command.kind,
          code: manualLegalMatterCode(command.kind, n),
          description: { da: command.description.da.trim(), en: command.description.en.trim() },
          legalReference: command.legalReference?.trim() ?? null,
          blocking: command.blocking ?? true,
          at,
        });
        return {
          subCaseId: subCase.id,
          result: matter,
          audit: {
            action: 'legal_matter.opened',
            payload: { caseId: c.id, legalMatterId: matter.id, subCaseId: subCase.id, kind: matter.kind, code: matter.code, blocking: matter.blocking, legalReference: matter.legalReference },
          },
        };
      });
      return { ...legalMatterView(done.result), caseVersion: done.case.version };
    });
  }
}
