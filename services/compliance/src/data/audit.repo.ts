import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, runSql, type Role } from '@hub/common';

/** Which entries of `audit.entry` (the read contract every subgraph appends to) a page reads. */
export interface AuditFilter {
  actor?: string | null;
  operation?: string | null;
  targetId?: string | null;
  succeeded?: boolean | null;
  from?: Date | null;
  until?: Date | null;
}

/** Newest first: the instant, then the id among entries of the same instant. */
export type AuditCursor = [at: string, id: string];

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  role: Role;
  org: string | null;
  subgraph: string;
  operation: string;
  target_ids: string[];
  input_summary: unknown;
  succeeded: boolean;
  error_code: string | null;
}

function where(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const narrow = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.actor) narrow('actor = ?', filter.actor);
  if (filter.operation) narrow('operation = ?', filter.operation);
  if (filter.targetId) narrow('target_ids @> ?::uuid[]', pgArray([filter.targetId]));
  if (typeof filter.succeeded === 'boolean') narrow('succeeded = ?', filter.succeeded);
  if (filter.from) narrow('at >= ?', filter.from);
  if (filter.until) narrow('at < ?', filter.until);
  return { sql: clauses.length ? clauses.join(' and ') : 'true', params };
}

export async function auditPage(
  em: EntityManager,
  filter: AuditFilter,
  page: { size: number; after: AuditCursor | null },
): Promise<{ totalCount: number; rows: AuditRow[] }> {
  const { sql, params } = where(filter);
  const [count] = await runSql<{ n: number }[]>(em, `select count(*)::int as n from audit.entry where ${sql}`, params);
  const keyset = page.after ? 'and (at, id) < (?::timestamptz, ?::uuid)' : '';
  const rows = await runSql<AuditRow[]>(
    em,
    `select id, at, actor, role, org, subgraph, operation, target_ids, input_summary, succeeded, error_code
     from audit.entry where ${sql} ${keyset} order by at desc, id desc limit ?`,
    [...params, ...(page.after ?? []), page.size + 1],
  );
  return { totalCount: count?.n ?? 0, rows };
}
