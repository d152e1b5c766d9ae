import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage, sql, type KeysetColumn, type Role, type Sql } from '@hub/common';

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

function where(filter: AuditFilter): Sql {
  const clauses: Sql[] = [];
  if (filter.actor) clauses.push(sql`actor = ${filter.actor}`);
  if (filter.operation) clauses.push(sql`operation = ${filter.operation}`);
  if (filter.targetId) clauses.push(sql`target_ids @> ${[filter.targetId]}::uuid[]`);
  if (typeof filter.succeeded === 'boolean') clauses.push(sql`succeeded = ${filter.succeeded}`);
  if (filter.from) clauses.push(sql`at >= ${filter.from}`);
  if (filter.until) clauses.push(sql`at < ${filter.until}`);
  return sql.and(clauses);
}

const NEWEST_FIRST: KeysetColumn[] = [
  { by: sql`at`, key: 'instant', desc: true },
  { by: sql`id`, key: 'uuid', desc: true },
];

export async function auditPage(
  em: EntityManager,
  filter: AuditFilter,
  page: { size: number; after: AuditCursor | null },
): Promise<{ totalCount: number; rows: AuditRow[] }> {
  return keysetPage<AuditRow>(em, {
    select: sql`id, at, actor, role, org, subgraph, operation, target_ids, input_summary, succeeded, error_code`,
    from: sql`audit.entry`,
    where: where(filter),
    order: NEWEST_FIRST,
    ...page,
  });
}
