import { Migration } from '@mikro-orm/migrations';

/**
 * A narrower read contract for the weekly norm: distinct materials placed per organization, for
 * every organization or only the ones asked for. period_counts also aggregates every official
 * page (the widget columns), which the weekly check does not need, and it has no way to answer
 * for one organization, so Organization.weekProgress counted the whole registry (the figures
 * before and after: docs/PERFORMANCE.md, "What was changed because of the numbers").
 * No report times (the worker reads staleness elsewhere), so the count comes from
 * placement_published_idx without a visit to the table; no parent kind (a reader of the whole
 * registry has the parents in the same rows; organizations.directory has the rest).
 */
export class Migration20261202PlacementCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function organizations.placement_counts(p_from timestamptz, p_to timestamptz, p_organizations uuid[] default null)
      returns table (
        organization_id uuid, kind text, parent_id uuid, active boolean, registered_at timestamptz, materials_placed integer
      )
      language sql stable as $$
        select o.id, o.kind, o.parent_id, o.active, o.registered_at, coalesce(pl.materials, 0)::int
        from organizations.organization o
        left join (
          select organization_id, count(distinct material_id) as materials
          from organizations.placement
          where published_at >= p_from and published_at < p_to
            and (p_organizations is null or organization_id = any(p_organizations))
          group by organization_id
        ) pl on pl.organization_id = o.id
        where p_organizations is null or o.id = any(p_organizations)
      $$`);
    this.addSql(`comment on function organizations.placement_counts(timestamptz, timestamptz, uuid[]) is
      'Read contract of the organizations subgraph for compliance: per organization (all, or those in p_organizations), for [p_from, p_to): distinct materials placed (from the index on published_at alone). Read-only.'`);
  }
}
