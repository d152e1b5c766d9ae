import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase } from '../pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseDatabaseUrl: string;
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file, so files run in parallel and leave nothing behind. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = new URL(inject('baseDatabaseUrl'));
  base.pathname = `/hub_t_${randomBytes(6).toString('hex')}`;
  const url = base.toString();
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
