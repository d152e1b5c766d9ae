import { Migration } from '@mikro-orm/migrations';

/** period_counts also says how many pages miss either widget form: what FEEDBACK_WIDGET counts. */
export class Migration20261128WidgetGap extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop function organizations.period_counts(timestamptz, timestamptz)');
    this.addSql(`
      create function organizations.period_counts(p_from timestamptz, p_to timestamptz)
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
      $$`);
    this.addSql(`comment on function organizations.period_counts(timestamptz, timestamptz) is
      'Read contract of the organizations subgraph for compliance: per organization, for [p_from, p_to): distinct materials placed, pages, pages without each feedback widget form and without either at p_to, media publications, and the latest report time (a late report makes an evaluated period stale). Read-only.'`);
  }
}
