import { Migration } from '@mikro-orm/migrations';

export class Migration20261128Placements extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table organizations.placement (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organizations.organization (id),
        page_id uuid not null references organizations.official_page (id),
        material_id uuid not null,
        url text not null,
        published_at timestamptz not null,
        via_gospabliki boolean not null default false,
        reported_by text not null default 'system',
        reported_at timestamptz not null default now(),
        constraint placement_material_page_unique unique (material_id, page_id)
      )`);
    // The period aggregate scans one period's placements, grouped by organization.
    this.addSql('create index placement_published_idx on organizations.placement (published_at, organization_id, material_id)');
    this.addSql('create index placement_organization_idx on organizations.placement (organization_id, published_at desc, id)');
    this.addSql('create index placement_material_idx on organizations.placement (material_id, published_at desc, id)');
    this.addSql(`
      create table organizations.media_publication (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null references organizations.organization (id),
        outlet text not null,
        url text,
        issue_reference text,
        dedup_key text not null,
        published_at timestamptz not null,
        about text,
        reported_by text not null default 'system',
        reported_at timestamptz not null default now(),
        constraint media_publication_unique unique (organization_id, dedup_key)
      )`);
    this.addSql('create index media_publication_published_idx on organizations.media_publication (published_at, organization_id)');
    this.addSql(`
      create function organizations.period_counts(p_from timestamptz, p_to timestamptz)
      returns table (
        organization_id uuid, kind text, parent_id uuid, parent_kind text, active boolean, registered_at timestamptz,
        materials_placed integer, pages integer, pages_without_report_problem integer, pages_without_share_opinion integer,
        media_publications integer, last_reported_at timestamptz
      )
      language sql stable as $$
        select o.id, o.kind, o.parent_id, parent.kind, o.active, o.registered_at,
               coalesce(pl.materials, 0)::int, coalesce(pg.pages, 0)::int,
               coalesce(pg.without_report_problem, 0)::int, coalesce(pg.without_share_opinion, 0)::int,
               coalesce(mp.publications, 0)::int,
               greatest(pl.last_reported_at, mp.last_reported_at)
        from organizations.organization o
        left join organizations.organization parent on parent.id = o.parent_id
        left join (
          select organization_id, count(distinct material_id) as materials, max(reported_at) as last_reported_at
          from organizations.placement where published_at >= p_from and published_at < p_to
          group by organization_id
        ) pl on pl.organization_id = o.id
        left join (
          select organization_id, count(*) as pages,
                 count(*) filter (where widget_report_problem_at is null or widget_report_problem_at >= p_to) as without_report_problem,
                 count(*) filter (where widget_share_opinion_at is null or widget_share_opinion_at >= p_to) as without_share_opinion
          from organizations.official_page where created_at < p_to
          group by organization_id
        ) pg on pg.organization_id = o.id
        left join (
          select organization_id, count(*) as publications, max(reported_at) as last_reported_at
          from organizations.media_publication where published_at >= p_from and published_at < p_to
          group by organization_id
        ) mp on mp.organization_id = o.id
      $$`);
    this.addSql(`comment on function organizations.period_counts(timestamptz, timestamptz) is
      'Read contract of the organizations subgraph for compliance: per organization, for [p_from, p_to): distinct materials placed, pages, pages without each feedback widget at p_to, media publications, and the latest report time (a late report makes an evaluated period stale). Read-only.'`);
  }
}
