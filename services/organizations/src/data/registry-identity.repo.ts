import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRow, sql, type Sql } from '@hub/common';

/** Two names are the same registration when they differ only in case or spacing (PostgreSQL's lower under C.UTF-8 covers Cyrillic). */
const nameKey = (expression: Sql) => sql`lower(regexp_replace(btrim(${expression}), '\\s+', ' ', 'g'))`;

export interface IdentityHolder {
  id: string;
  name: string;
  inn: string | null;
  byInn: boolean;
}

/**
 * The organization, other than `exceptId`, that already holds this INN (any, inactive ones too:
 * an INN belongs to one legal entity for good) or this name (active ones only: a liquidated
 * body's name passes to its successor). One statement; an INN holder comes first.
 */
export async function identityHolder(
  em: EntityManager,
  wanted: { name?: string | null; inn?: string | null },
  exceptId: string | null,
): Promise<IdentityHolder | null> {
  const inn = wanted.inn ?? null;
  const name = wanted.name ?? null;
  const row = await queryRow<{ id: string; name: string; inn: string | null; by_inn: boolean }>(
    em,
    sql`select id, name, inn, coalesce(inn = ${inn}::text, false) as by_inn from organizations.organization
        where id is distinct from ${exceptId}::uuid
          and (inn = ${inn}::text or (active and ${name}::text is not null and ${nameKey(sql`name`)} = ${nameKey(sql`${name}::text`)}))
        order by by_inn desc limit 1`,
  );
  return row ? { id: row.id, name: row.name, inn: row.inn, byInn: row.by_inn } : null;
}

/** Registrations and renames take turns on this lock, so two of the same name cannot both pass the check. */
export async function lockRegistryIdentity(em: EntityManager): Promise<void> {
  await execSql(em, sql`select pg_advisory_xact_lock(hashtext('organizations:registry-identity'))`);
}
