import { Migration } from '@mikro-orm/migrations';

export class Migration20261128Registry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table organizations.organization (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 500),
        short_name text,
        kind text not null check (kind in ('EXECUTIVE_BODY','MUNICIPALITY','SUBORDINATE','CONTENT_CENTER','COMMITTEE','REGIONAL_MANAGEMENT_CENTER')),
        parent_id uuid references organizations.organization (id),
        inn varchar(12) unique,
        head_full_name text not null,
        head_position text not null,
        head_email text not null,
        contact_email text,
        active boolean not null default true,
        deactivation_reason text,
        deactivated_at timestamptz,
        registered_at timestamptz not null default now(),
        created_by text not null default 'system',
        updated_at timestamptz not null default now(),
        check (parent_id is null or parent_id <> id)
      )`);
    this.addSql('create index organization_parent_idx on organizations.organization (parent_id)');
    this.addSql('create index organization_name_idx on organizations.organization (name, id)');
    this.addSql('create index organization_kind_name_idx on organizations.organization (kind, name, id)');
    this.addSql(`
      create table organizations.official_page (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organizations.organization (id),
        platform text not null check (platform in ('VK','OK','TELEGRAM','MAX','GOSPABLIKI','WEBSITE')),
        url text not null,
        normalized_url text not null unique,
        verified boolean not null default false,
        widget_report_problem_at timestamptz,
        widget_share_opinion_at timestamptz,
        created_by text not null default 'system',
        created_at timestamptz not null default now()
      )`);
    this.addSql('create index official_page_organization_idx on organizations.official_page (organization_id)');
  }
}
