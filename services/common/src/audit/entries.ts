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

/**
 * Appends the entries on a pooled connection of its own, never the request's transaction:
 * a refused mutation rolls back its own work and keeps its audit row.
 */
export async function appendAuditEntries(orm: Orm, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const params = entries.flatMap((e) => [
    e.at, e.actor, e.role, e.org, e.subgraph, e.operation, pgArray(e.targetIds), JSON.stringify(e.inputSummary), e.succeeded, e.errorCode,
  ]);
  await orm.em.getConnection().execute(
    `insert into audit.entry (${COLUMNS}) values ${entries.map(() => ROW).join(', ')}`,
    params,
    'run',
  );
}
