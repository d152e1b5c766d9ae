import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, sql } from '@hub/common';

/**
 * Waits for PostgreSQL's transaction-level advisory lock on `key` and holds it until the
 * transaction ends: one writer at a time per key, across workers. Run inside a transaction.
 */
export async function lockUntilCommit(em: EntityManager, key: string): Promise<void> {
  await execSql(em, sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
