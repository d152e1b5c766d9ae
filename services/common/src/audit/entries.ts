import type { Role } from '../auth.js';
import { pgArray } from '../collections.js';
import type { Orm } from '../db.js';
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

const COLUMNS = 'at, actor, role, org, subgraph, operation, target_ids, input_summary, succeeded, error_code';
const ROW = '(?, ?, ?, ?, ?, ?, ?::uuid[], ?::jsonb, ?, ?)';

type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

/** One INSERT of the entries through `execute`: a pooled connection, or a transaction's (in-transaction.ts). */
export async function insertAuditEntries(execute: Execute, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const params = entries.flatMap((e) => [
    e.at, e.actor, e.role, e.org, e.subgraph, e.operation, pgArray(e.targetIds), JSON.stringify(e.inputSummary), e.succeeded, e.errorCode,
  ]);
  await execute(`insert into audit.entry (${COLUMNS}) values ${entries.map(() => ROW).join(', ')}`, params);
}

/**
 * Appends the entries on a pooled connection of their own, never the request's transaction: a
 * refused mutation rolls back its own work and keeps its audit row. (A committed change's entry
 * went into its own transaction: in-transaction.ts.)
 */
export async function appendAuditEntries(orm: Orm, entries: readonly AuditEntry[]): Promise<void> {
  await insertAuditEntries((sql, params) => orm.em.getConnection().execute(sql, params as never[], 'run'), entries);
}
