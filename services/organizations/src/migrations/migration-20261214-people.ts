import { Migration } from '@mikro-orm/migrations';

/**
 * People as data (docs/DESIGN.md, "People"): who may sign in, with which role and for which
 * organization. One row per e-mail address (letter case aside); a person leaving is deactivated,
 * never deleted, so the audit's `sub` (the address) keeps naming someone.
 */
export class Migration20261214People extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table organizations.person (
        id uuid primary key default gen_random_uuid(),
        email text not null check (email = btrim(email) and email like '%_@_%'),
        full_name text not null check (length(btrim(full_name)) > 0),
        role text not null check (role in ('ADMIN', 'EDITOR', 'OPERATOR', 'ANALYST', 'HEAD')),
        -- OPERATOR and HEAD act for an organization (and those below it); the others for the region.
        organization_id uuid references organizations.organization (id),
        active boolean not null default true,
        invited_by text not null,
        invited_at timestamptz not null default now(),
        deactivated_at timestamptz,
        check ((role in ('OPERATOR', 'HEAD')) = (organization_id is not null)),
        check (active = (deactivated_at is null))
      )`);
    this.addSql('create unique index person_email_key on organizations.person (lower(email))');
    this.addSql('create index person_organization_idx on organizations.person (organization_id) where organization_id is not null');
  }
}
