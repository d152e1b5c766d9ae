import type { EntityManager } from '@mikro-orm/postgresql';
import { runSqlBound, type OrganizationKind } from '@hub/common';

/** These organizations' kinds, from the organizations.directory read contract in one query (ids must be UUIDs). */
export async function directoryKinds(em: EntityManager, ids: readonly string[]): Promise<Map<string, OrganizationKind>> {
  if (!ids.length) return new Map();
  const { rows } = await runSqlBound<{ id: string; kind: OrganizationKind }>(
    em, 'select id, kind from organizations.directory where id = any(?::uuid[])', [[...ids]],
  );
  return new Map(rows.map((r) => [r.id, r.kind]));
}
