import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, queryRow, sql } from '@hub/common';
import type { RequestCounts } from '../domain/sign-in.js';

/** A person who may sign in, as organizations.person_directory gives it (docs/READ-CONTRACTS.md). */
export interface SignInPerson {
  email: string;
  fullName: string;
  role: string;
  organizationId: string | null;
}

export async function activePerson(em: EntityManager, email: string): Promise<SignInPerson | null> {
  const row = await queryRow<SignInPerson>(
    em,
    sql`select email, full_name as "fullName", role, organization_id as "organizationId"
        from organizations.person_directory where email = ${email} and active`,
  );
  return row ?? null;
}

/** Requests for the address and from the client since `since`. */
export async function requestCounts(em: EntityManager, email: string, client: string, since: Date): Promise<RequestCounts> {
  const row = await queryRow<RequestCounts>(
    em,
    sql`select (select count(*)::int from compliance.sign_in_request where email = ${email} and requested_at > ${since}) as "byAddress",
               (select count(*)::int from compliance.sign_in_request where client = ${client} and requested_at > ${since}) as "byClient"`,
  );
  return row!;
}

/** Records a request and forgets those older than `forgetBefore` (the limits no longer count them). */
export async function recordRequest(em: EntityManager, email: string, client: string, at: Date, forgetBefore: Date): Promise<void> {
  await execSql(em, sql`delete from compliance.sign_in_request where requested_at < ${forgetBefore}`);
  await execSql(em, sql`insert into compliance.sign_in_request (email, client, requested_at) values (${email}, ${client}, ${at})`);
}

export async function storeLink(
  em: EntityManager,
  tokenHash: string,
  email: string,
  at: Date,
  expiresAt: Date,
  next: string | null,
): Promise<void> {
  await execSql(
    em,
    sql`insert into compliance.sign_in_link (token_hash, email, created_at, expires_at, next)
        values (${tokenHash}, ${email}, ${at}, ${expiresAt}, ${next})`,
  );
}

/** Uses a link: its address and page when it was unused and unexpired at `at` (and is used from now on), else null. */
export async function useLink(em: EntityManager, tokenHash: string, at: Date): Promise<{ email: string; next: string | null } | null> {
  const row = await queryRow<{ email: string; next: string | null }>(
    em,
    sql`update compliance.sign_in_link set used_at = ${at}
        where token_hash = ${tokenHash} and used_at is null and expires_at > ${at}
        returning email, next`,
  );
  return row ?? null;
}

export async function storeSession(em: EntityManager, idHash: string, email: string, at: Date, expiresAt: Date): Promise<void> {
  await execSql(
    em,
    sql`insert into compliance.session (id_hash, email, created_at, expires_at) values (${idHash}, ${email}, ${at}, ${expiresAt})`,
  );
}

/** The person an unrevoked, unexpired session is for, still active in the registry; else null. */
export async function sessionPerson(em: EntityManager, idHash: string, at: Date): Promise<(SignInPerson & { expiresAt: Date }) | null> {
  const row = await queryRow<SignInPerson & { expiresAt: Date }>(
    em,
    sql`select p.email, p.full_name as "fullName", p.role, p.organization_id as "organizationId", s.expires_at as "expiresAt"
        from compliance.session s join organizations.person_directory p on p.email = s.email and p.active
        where s.id_hash = ${idHash} and s.revoked_at is null and s.expires_at > ${at}`,
  );
  return row ? { ...row, expiresAt: new Date(row.expiresAt) } : null;
}

export async function revokeSession(em: EntityManager, idHash: string, at: Date): Promise<void> {
  await execSql(em, sql`update compliance.session set revoked_at = ${at} where id_hash = ${idHash} and revoked_at is null`);
}
