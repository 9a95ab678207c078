import { inOneMessage } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CASE_FACT_KINDS, CaseFactKind, CaseFactsOf, noCaseFacts } from '../domain/case-facts';

/** Reads one kind of fact for a set of cases; every returned item names its case. */
export type CaseFactSource<K extends CaseFactKind> = (manager: EntityManager, caseIds: string[]) => Promise<CaseFactsOf[K]>;

/**
 * Facts about cases that other libraries own (pending drafts, open requests for supplement, active
 * permits), read through a source each owner registers at start-up — the read-side twin of
 * {@link CaseHooks}. A kind nobody registered reads as none (a kernel test without the owner).
 */
@Injectable()
export class CaseFacts {
  private readonly sources: { [K in CaseFactKind]?: CaseFactSource<K> } = {};

  provide<K extends CaseFactKind>(kind: K, source: CaseFactSource<K>): void {
    if (this.sources[kind]) throw new Error(`A source of ${kind} is already registered: one library owns each fact.`);
    (this.sources as Record<K, CaseFactSource<K>>)[kind] = source;
  }

  /**
   * The facts of each case; `kinds` reads only those (a queue row needs the pending drafts alone:
   * one query instead of one per kind, issue 17), leaving the others empty.
   */
  async forCases(manager: EntityManager, caseIds: string[], kinds: readonly CaseFactKind[] = CASE_FACT_KINDS): Promise<Map<string, CaseFactsOf>> {
    const facts = new Map(caseIds.map((id) => [id, noCaseFacts()]));
    if (caseIds.length === 0) return facts;
    // Each owner's reads, sent together in one message rather than one message a kind (issue 17).
    const read = await inOneMessage(manager, (batched) =>
      Promise.all(kinds.map(async (kind) => ({ kind, items: (await (this.sources[kind] as CaseFactSource<typeof kind> | undefined)?.(batched, caseIds)) ?? [] }))),
    );
    for (const { kind, items } of read) for (const item of items) (facts.get(item.caseId)?.[kind] as { caseId: string }[] | undefined)?.push(item);
    return facts;
  }

  async forCase(manager: EntityManager, caseId: string): Promise<CaseFactsOf> {
    return (await this.forCases(manager, [caseId])).get(caseId)!;
  }
}
