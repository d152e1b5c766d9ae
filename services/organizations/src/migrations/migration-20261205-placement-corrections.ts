import { Migration } from '@mikro-orm/migrations';

/**
 * Placements that can be corrected or withdrawn, and posts that must belong to their page.
 *
 * - A withdrawn placement stays stored (who, when, why) and counts nowhere: every index a count
 *   or a list reads is partial on `withdrawn_at is null`, so the counts stay index-only reads, and
 *   the same material may be reported on the same page again after a withdrawal.
 * - placement_revision records each correction and withdrawal against the publication time it
 *   affected (a correction: the old and the new one), so organizations.last_report moves for the
 *   periods whose result it changed and the compliance worker evaluates them again
 *   (docs/READ-CONTRACTS.md, "Late reports"). No foreign key to placement: bench/dataset loads
 *   placement without its indexes and refuses a table others reference.
 * - official_page.platform_id: a VK community's id, known when the page was registered as
 *   vk.com/club<id> or public<id>; a VK post (vk.com/wall-<id>_<n>) must be on that wall.
 */
export class Migration20261205PlacementCorrections extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table organizations.official_page add column platform_id text');
    this.addSql(`update organizations.official_page
      set platform_id = substring(normalized_url from '^https://vk\\.(?:com|ru)/(?:club|public|event)([0-9]+)$')
      where platform = 'VK'`);

    this.addSql(`alter table organizations.placement
      add column withdrawn_at timestamptz, add column withdrawn_by text, add column withdrawal_reason text`);
    this.addSql('alter table organizations.placement drop constraint placement_material_page_unique');
    this.addSql(`create unique index placement_material_page_unique on organizations.placement (material_id, page_id)
      where withdrawn_at is null`);
    for (const [name, definition] of [
      ['placement_published_idx', '(published_at, organization_id, material_id) include (reported_at)'],
      ['placement_organization_idx', '(organization_id, published_at desc, id)'],
      ['placement_material_idx', '(material_id, published_at desc, id)'],
      ['placement_material_organization_idx', '(material_id, organization_id)'],
    ] as const) {
      this.addSql(`drop index organizations.${name}`);
      this.addSql(`create index ${name} on organizations.placement ${definition} where withdrawn_at is null`);
    }

    this.addSql(`
      create table organizations.placement_revision (
        id bigint generated always as identity primary key,
        placement_id uuid not null,
        organization_id uuid not null,
        published_at timestamptz not null,
        change text not null check (change in ('CORRECTED', 'WITHDRAWN')),
        changed_by text not null,
        changed_at timestamptz not null
      )`);
    this.addSql(`create index placement_revision_published_idx on organizations.placement_revision (published_at)
      include (changed_at, organization_id)`);
    this.addSql(`comment on table organizations.placement_revision is
      'Each correction or withdrawal of a placement, once per publication time it affected: what makes an evaluated period stale.'`);

    this.addSql(`
      create or replace function organizations.last_report(p_from timestamptz, p_to timestamptz)
      returns timestamptz
      language sql stable as $$
        select greatest(
          (select max(reported_at) from organizations.placement
           where published_at >= p_from and published_at < p_to and withdrawn_at is null),
          (select max(reported_at) from organizations.media_publication where published_at >= p_from and published_at < p_to),
          (select max(changed_at) from organizations.placement_revision where published_at >= p_from and published_at < p_to))
      $$`);
    this.addSql(`comment on function organizations.last_report(timestamptz, timestamptz) is
      'Read contract of the organizations subgraph for compliance: the latest report, correction or withdrawal time of the placements and media publications published in [p_from, p_to), null when none. Read-only.'`);

    this.addSql(`
      create or replace function organizations.placement_counts(p_from timestamptz, p_to timestamptz, p_organizations uuid[] default null)
      returns table (
        organization_id uuid, kind text, parent_id uuid, active boolean, registered_at timestamptz, materials_placed integer
      )
      language sql stable as $$
        select o.id, o.kind, o.parent_id, o.active, o.registered_at, coalesce(pl.materials, 0)::int
        from organizations.organization o
        left join (
          select organization_id, count(distinct material_id) as materials
          from organizations.placement
          where published_at >= p_from and published_at < p_to and withdrawn_at is null
            and (p_organizations is null or organization_id = any(p_organizations))
          group by organization_id
        ) pl on pl.organization_id = o.id
        where p_organizations is null or o.id = any(p_organizations)
      $$`);

    this.addSql(`
      create or replace function organizations.period_counts(p_from timestamptz, p_to timestamptz)
      returns table (
        organization_id uuid, kind text, parent_id uuid, parent_kind text, active boolean, registered_at timestamptz,
        materials_placed integer, pages integer, pages_without_report_problem integer, pages_without_share_opinion integer,
        pages_without_widget integer, media_publications integer, last_reported_at timestamptz
      )
      language sql stable as $$
        select o.id, o.kind, o.parent_id, parent.kind, o.active, o.registered_at,
               coalesce(pl.materials, 0)::int, coalesce(pg.pages, 0)::int,
               coalesce(pg.without_report_problem, 0)::int, coalesce(pg.without_share_opinion, 0)::int,
               coalesce(pg.without_widget, 0)::int, coalesce(mp.publications, 0)::int,
               greatest(pl.last_reported_at, mp.last_reported_at, rv.last_changed_at)
        from organizations.organization o
        left join organizations.organization parent on parent.id = o.parent_id
        left join (
          select organization_id, count(distinct material_id) as materials, max(reported_at) as last_reported_at
          from organizations.placement where published_at >= p_from and published_at < p_to and withdrawn_at is null
          group by organization_id
        ) pl on pl.organization_id = o.id
        left join (
          select organization_id, count(*) as pages,
                 count(*) filter (where widget_report_problem_at is null or widget_report_problem_at >= p_to) as without_report_problem,
                 count(*) filter (where widget_share_opinion_at is null or widget_share_opinion_at >= p_to) as without_share_opinion,
                 count(*) filter (where widget_report_problem_at is null or widget_report_problem_at >= p_to
                                    or widget_share_opinion_at is null or widget_share_opinion_at >= p_to) as without_widget
          from organizations.official_page where created_at < p_to
          group by organization_id
        ) pg on pg.organization_id = o.id
        left join (
          select organization_id, count(*) as publications, max(reported_at) as last_reported_at
          from organizations.media_publication where published_at >= p_from and published_at < p_to
          group by organization_id
        ) mp on mp.organization_id = o.id
        left join (
          select organization_id, max(changed_at) as last_changed_at
          from organizations.placement_revision where published_at >= p_from and published_at < p_to
          group by organization_id
        ) rv on rv.organization_id = o.id
      $$`);
  }
}
