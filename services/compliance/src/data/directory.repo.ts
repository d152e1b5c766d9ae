import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow, queryRows, sql, type OrganizationKind } from '@hub/common';

/** These organizations' kinds, from the organizations.directory read contract in one query (ids must be UUIDs). */
export async function directoryKinds(em: EntityManager, ids: readonly string[]): Promise<Map<string, OrganizationKind>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; kind: OrganizationKind }>(
    em,
    sql`select id, kind from organizations.directory where id = any(${ids}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/** When the first organization was registered (organizations.directory); null while there is none. */
export async function firstRegistration(em: EntityManager): Promise<Date | null> {
  const row = await queryRow<{ first: string | null }>(em, sql`select min(registered_at) as first from organizations.directory`);
  return row?.first ? new Date(row.first) : null;
}

/** The organization is in the registry (organizations.directory). */
export async function isRegistered(em: EntityManager, id: string): Promise<boolean> {
  return Boolean(await queryRow(em, sql`select 1 from organizations.directory where id = ${id}`));
}
