import { CaseRecord, Command, SubCaseRecord } from '@kp/applications';
import { Actor } from '@kp/auth';
import { WorkOnCase } from '@kp/case-work';
import { notFound } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SubCaseContext {
  c: CaseRecord;
  subCase: SubCaseRecord;
  subCases: SubCaseRecord[];
}

/**
 * Loads a case and one of its sub-cases for a decision command with the checks every case command
 * gets (WorkOnCase: row lock, may this actor see it — 404 otherwise, the lifecycle table, If-Match,
 * impartiality under forvaltningsloven § 3, which binds a controller's decider too).
 */
@Injectable()
export class DecisionContext {
  constructor(private readonly work: WorkOnCase) {}

  async load(manager: EntityManager, actor: Actor, caseId: string, subCaseId: string, command: Command, expectedVersion?: number): Promise<SubCaseContext> {
    const { c, subCases } = await this.work.load(manager, actor, caseId, command, expectedVersion);
    const subCase = subCases.find((s) => s.id === subCaseId);
    if (!subCase) throw notFound('sub-case', subCaseId);
    return { c, subCase, subCases };
  }
}
