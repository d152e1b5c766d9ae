import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../auth.js';
import type { Orm } from '../db.js';
import { execSql, sql, type SqlOptions } from '../sql.js';
import type { Summary } from './summary.js';

/** One row of `audit.entry`: one mutation root field as the subgraph that ran it saw it. */
export interface AuditEntry {
  at: Date;
  actor: string;
  role: Role;
  org: string | null;
  subgraph: string;
  operation: string;
  targetIds: string[];
  inputSummary: Summary;
  succeeded: boolean;
  errorCode: string | null;
}

/**
 * One INSERT of the entries: on a pooled connection of its own, or in a given transaction
 * (in-transaction.ts).
 */
export async function insertAuditEntries(em: EntityManager, entries: readonly AuditEntry[], options: SqlOptions): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map(
    (e) => sql`(
    ${e.at}, ${e.actor}, ${e.role}, ${e.org}, ${e.subgraph}, ${e.operation}, ${e.targetIds}::uuid[], ${JSON.stringify(e.inputSummary)}::jsonb,
    ${e.succeeded}, ${e.errorCode})`,
  );
  await execSql(
    em,
    sql`insert into audit.entry (at, actor, role, org, subgraph, operation, target_ids, input_summary, succeeded, error_code)
        values ${sql.join(rows)}`,
    options,
  );
}

/**
 * Appends the entries on a pooled connection of their own, never the request's transaction: a
 * refused mutation rolls back its own work and keeps its audit row. (A committed change's entry
 * went into its own transaction: in-transaction.ts.)
 */
export async function appendAuditEntries(orm: Orm, entries: readonly AuditEntry[]): Promise<void> {
  await insertAuditEntries(orm.em, entries, { outsideTransaction: true });
}
