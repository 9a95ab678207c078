import { ApplicationInput, DataRequestInput } from '../domain/application-input';
import { DataSourceDefinition } from '../domain/rule-set';

/** What facts are computed from: one data request of an application, and its data source. */
export interface ScreeningSubject {
  application: ApplicationInput;
  dataRequest: DataRequestInput;
  dataSource: DataSourceDefinition;
}

export type FactOrigin = 'application' | 'data_request' | 'data_source' | 'applicant_organisation';

/** A fact provider, registered in code by name; rules refer to the fact by that name. */
export interface FactProvider {
  name: string;
  origin: FactOrigin;
  description: string;
  /** Never returns undefined: absent values are null, so rules can test for them. */
  compute: (subject: ScreeningSubject) => unknown;
}

export class FactProviderRegistry {
  private readonly providers = new Map<string, FactProvider>();

  constructor(providers: FactProvider[] = []) {
    for (const p of providers) this.register(p);
  }

  register(provider: FactProvider): this {
    if (this.providers.has(provider.name)) throw new Error(`fact "${provider.name}" is already provided`);
    this.providers.set(provider.name, provider);
    return this;
  }

  has(name: string): boolean {
    return this.providers.has(name);
  }

  list(): FactProvider[] {
    return [...this.providers.values()];
  }

  /** Computes the named facts for one subject. */
  compute(names: Iterable<string>, subject: ScreeningSubject): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    for (const name of names) {
      const provider = this.providers.get(name);
      if (!provider) throw new Error(`fact "${name}" is not provided`);
      const value = provider.compute(subject);
      facts[name] = value === undefined ? null : value;
    }
    return facts;
  }
}

/**
 * A value several facts derive from, computed once per screening: each screening computes its
 * facts for a subject of its own, so the subject is the key (and is gone with the screening).
 */
export function oncePerSubject<T>(derive: (subject: ScreeningSubject) => T): (subject: ScreeningSubject) => T {
  const values = new WeakMap<ScreeningSubject, T>();
  return (subject) => {
    if (values.has(subject)) return values.get(subject) as T;
    const value = derive(subject);
    values.set(subject, value);
    return value;
  };
}

export const isFilled = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0;
