import { dataSourceOptions } from '@kp/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase } from './database';

/**
 * A fresh database of its own with every migration applied, as the app runs them, for a
 * repository's integration spec. `poolSize` bounds how many transactions a spec can hold open at
 * once (the concurrency tests need a few).
 */
export async function createMigratedDatabase(label: string, poolSize = 10): Promise<DataSource> {
  const url = await createTestDatabase(label);
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: poolSize } });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** A promise with its resolve handle, for holding one transaction open while another runs. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Whether the promise is still pending after `ms` milliseconds (a lock holds it up). */
export async function stillWaitingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const marker = Symbol('waiting');
  const winner = await Promise.race([promise.then(() => undefined, () => undefined), new Promise((r) => setTimeout(() => r(marker), ms))]);
  return winner === marker;
}
