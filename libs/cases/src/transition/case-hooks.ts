import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseState, Command } from '../domain/lifecycle';
import { CaseRecord, SubCaseRecord } from '../domain/records';
import { CaseActor } from './case-actor';

export interface CaseHookContext {
  actor: CaseActor;
  command: Command;
  /** The case after the command's state change, and the state it came from. */
  case: CaseRecord;
  fromState: CaseState;
  subCases: SubCaseRecord[];
  at: Date;
  reason?: string;
}

export type CaseHook = (manager: EntityManager, context: CaseHookContext) => Promise<void>;

/**
 * Effects of a case command on another library's records, registered by that library and run by
 * the transition in the same transaction (e.g. decisions: "on withdraw, return the pending
 * drafts"). The kernel never names another library's tables, and no library writes the kernel's.
 */
@Injectable()
export class CaseHooks {
  private readonly hooks = new Map<Command, CaseHook[]>();

  after(commands: Command | Command[], hook: CaseHook): void {
    for (const command of [commands].flat()) this.hooks.set(command, [...(this.hooks.get(command) ?? []), hook]);
  }

  async run(manager: EntityManager, context: CaseHookContext): Promise<void> {
    for (const hook of this.hooks.get(context.command) ?? []) await hook(manager, context);
  }
}
