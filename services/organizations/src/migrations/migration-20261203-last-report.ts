import { Migration } from '@mikro-orm/migrations';

/**
 * The latest report about an interval, for the compliance worker's staleness check: it called
 * period_counts once per period evaluated so far (every organization's counts, pages included,
 * to read one timestamp), a cost growing with the rule's whole history on every scheduled run.
 * The placements' published_at index carries reported_at, so the latest report of a week is read
 * from the index alone (the weekly count keeps using the same index).
 */
export class Migration20261203LastReport extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index placement_published_reported_idx on organizations.placement (published_at, organization_id, material_id) include (reported_at)',
    );
    this.addSql('drop index organizations.placement_published_idx');
    this.addSql('alter index organizations.placement_published_reported_idx rename to placement_published_idx');
    this.addSql(`
      create function organizations.last_report(p_from timestamptz, p_to timestamptz)
      returns timestamptz
      language sql stable as $$
        select greatest(
          (select max(reported_at) from organizations.placement where published_at >= p_from and published_at < p_to),
          (select max(reported_at) from organizations.media_publication where published_at >= p_from and published_at < p_to))
      $$`);
    this.addSql(`comment on function organizations.last_report(timestamptz, timestamptz) is
      'Read contract of the organizations subgraph for compliance: the latest report time of the placements and media publications published in [p_from, p_to), null when none. Read-only.'`);
  }
}
