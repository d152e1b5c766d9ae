import type { EntityManager } from '@mikro-orm/postgresql';
import { containing, keysetPage, queryRow, sql, subtreeOf, type KeysetColumn, type UserRole } from '@hub/common';

/** A person who may sign in (organizations.person). */
export interface Person {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  organizationId: string | null;
  active: boolean;
  invitedBy: string;
  invitedAt: Date;
  deactivatedAt: Date | null;
}

const COLUMNS = sql`p.id, p.email, p.full_name as "fullName", p.role, p.organization_id as "organizationId", p.active,
  p.invited_by as "invitedBy", p.invited_at as "invitedAt", p.deactivated_at as "deactivatedAt"`;

const withDates = (row: Person): Person => ({
  ...row,
  invitedAt: new Date(row.invitedAt),
  deactivatedAt: row.deactivatedAt ? new Date(row.deactivatedAt) : null,
});

export async function personById(em: EntityManager, id: string): Promise<Person | null> {
  const row = await queryRow<Person>(em, sql`select ${COLUMNS} from organizations.person p where p.id = ${id}::uuid`);
  return row ? withDates(row) : null;
}

/** The person an address names, whatever its letter case. */
export async function personByEmail(em: EntityManager, email: string): Promise<Person | null> {
  const row = await queryRow<Person>(em, sql`select ${COLUMNS} from organizations.person p where lower(p.email) = lower(${email})`);
  return row ? withDates(row) : null;
}

export interface NewPerson {
  email: string;
  fullName: string;
  role: UserRole;
  organizationId: string | null;
  invitedBy: string;
  invitedAt: Date;
}

/**
 * Registers a person, or registers again a deactivated one with the same address (its id kept).
 * Null when the address belongs to an active person.
 */
export async function storePerson(em: EntityManager, person: NewPerson): Promise<Person | null> {
  const row = await queryRow<Person>(
    em,
    sql`insert into organizations.person as p (email, full_name, role, organization_id, invited_by, invited_at)
        values (${person.email}, ${person.fullName}, ${person.role}, ${person.organizationId}, ${person.invitedBy}, ${person.invitedAt})
        on conflict (lower(email)) do update set
          email = excluded.email, full_name = excluded.full_name, role = excluded.role, organization_id = excluded.organization_id,
          invited_by = excluded.invited_by, invited_at = excluded.invited_at, active = true, deactivated_at = null
          where not p.active
        returning ${COLUMNS}`,
  );
  return row ? withDates(row) : null;
}

export async function deactivatePerson(em: EntityManager, id: string, at: Date): Promise<Person | null> {
  const row = await queryRow<Person>(
    em,
    sql`update organizations.person p set active = false, deactivated_at = coalesce(p.deactivated_at, ${at})
        where p.id = ${id}::uuid returning ${COLUMNS}`,
  );
  return row ? withDates(row) : null;
}

export interface PeopleFilter {
  role: UserRole | null;
  organizationId: string | null;
  /** Only the people of this organization and those below it (a HEAD's view). */
  withinTreeOf: string | null;
  search: string | null;
  includeInactive: boolean;
}

const BY_NAME: KeysetColumn[] = [
  { by: sql`p.full_name`, key: 'text' },
  { by: sql`p.id`, key: 'uuid' },
];

/** A page of the people the filter chooses, by name, and their total. */
export async function peoplePage(
  em: EntityManager,
  filter: PeopleFilter,
  page: { size: number; after: [string, string] | null },
): Promise<{ totalCount: number; rows: Person[] }> {
  const pattern = filter.search ? containing(filter.search) : null;
  const { totalCount, rows } = await keysetPage<Person>(em, {
    select: COLUMNS,
    from: sql`organizations.person p`,
    where: sql.and([
      ...(filter.includeInactive ? [] : [sql`p.active`]),
      ...(filter.role ? [sql`p.role = ${filter.role}`] : []),
      ...(filter.organizationId ? [sql`p.organization_id = ${filter.organizationId}::uuid`] : []),
      ...(filter.withinTreeOf ? [sql`p.organization_id in (${subtreeOf(filter.withinTreeOf)})`] : []),
      ...(pattern ? [sql`(p.full_name ilike ${pattern} or p.email ilike ${pattern})`] : []),
    ]),
    order: BY_NAME,
    after: page.after,
    size: page.size,
  });
  return { totalCount, rows: rows.map(withDates) };
}
