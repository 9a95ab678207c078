import { DynamicModule, Global, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** What a process is for: the API (with the worker's jobs inside when WORKER_IN_PROCESS), or a worker. */
export type ProcessRole = 'api' | 'api+worker' | 'worker';

/**
 * Which process did something: a replica among many (compose runs three APIs and two workers), so
 * that an audited rule-set activation or a log line names the process it happened in.
 */
export interface ProcessIdentity {
  /** Unique per process start: `<role>@<host>#<pid>.<random>`. */
  readonly id: string;
  readonly role: ProcessRole;
  readonly host: string;
  readonly pid: number;
  readonly startedAt: string;
}

export const PROCESS_IDENTITY = Symbol('PROCESS_IDENTITY');

export function describeProcess(role: ProcessRole): ProcessIdentity {
  const host = hostname();
  return { id: `${role}@${host}#${process.pid}.${randomBytes(3).toString('hex')}`, role, host, pid: process.pid, startedAt: new Date().toISOString() };
}

/** Imported once by each app with its role; every module of the process may inject PROCESS_IDENTITY. */
@Global()
@Module({})
export class ProcessIdentityModule {
  static forRole(role: ProcessRole): DynamicModule {
    return {
      module: ProcessIdentityModule,
      providers: [{ provide: PROCESS_IDENTITY, useFactory: () => describeProcess(role) }],
      exports: [PROCESS_IDENTITY],
    };
  }
}
