import { Migration } from '@mikro-orm/migrations';

/**
 * Read contract organizations.material_uptake (docs/READ-CONTRACTS.md): each material distributed
 * in [p_from, p_to) with its recipients and how many of them placed it, for the content center's
 * Monday letter and the committee's summary (compliance), and the region-wide contentUptake here,
 * so the two count uptake one way. placed_by starts from the material's placements and keeps the
 * placing organizations that received it (bench dashboard:uptake).
 */
export class Migration20261206MaterialUptake extends Migration {
  override async up(): Promise<void> {
    // Content's views may not exist yet when this schema migrates first (each service migrates on
    // its own): the body is checked when it is first called, not now.
    this.addSql('set local check_function_bodies = off');
    this.addSql(`
      create function organizations.material_uptake(p_from timestamptz, p_to timestamptz)
      returns table (material_id uuid, topic text, distributed_at timestamptz, recipients integer, placed_by integer)
      language sql stable as $$
        select w.material_id, w.topic, w.distributed_at, w.recipient_count::int,
               (select count(distinct p.organization_id) from organizations.placement p
                where p.material_id = w.material_id and p.withdrawn_at is null
                  and exists (select 1 from content.received_log r
                              where r.material_id = p.material_id and r.organization_id = p.organization_id))::int
        from content.distribution_log w
        where w.distributed_at >= p_from and w.distributed_at < p_to and w.recipient_count > 0
      $$`);
    this.addSql(`comment on function organizations.material_uptake(timestamptz, timestamptz) is
      'Read contract of the organizations subgraph: per material distributed in [p_from, p_to), its recipients and how many of them placed it (withdrawn placements excluded). Read-only.'`);
  }
}
