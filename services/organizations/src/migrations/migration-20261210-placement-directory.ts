import { Migration } from '@mikro-orm/migrations';

/**
 * What monitoring checks on the pages, and what it found false (docs/READ-CONTRACTS.md).
 *
 * - placement_revision may record DISPROVED: a placement the service identity withdrew because
 *   its post was not on its page, or placed something else, on two crawls in a row. It makes the
 *   period stale like any withdrawal, and the letters can say why it stopped counting.
 * - placement_directory: every placement with where its post is and whether it still counts, the
 *   read contract monitoring verifies placements from and compliance names disproved ones from.
 */
export class Migration20261210PlacementDirectory extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table organizations.placement_revision drop constraint placement_revision_change_check');
    this.addSql(`alter table organizations.placement_revision add constraint placement_revision_change_check
      check (change in ('CORRECTED', 'WITHDRAWN', 'DISPROVED'))`);
    this.addSql(`create index placement_revision_disproved_idx on organizations.placement_revision (placement_id)
      where change = 'DISPROVED'`);
    this.addSql('create index placement_page_published_idx on organizations.placement (page_id, published_at) where withdrawn_at is null');
    this.addSql(`
      create view organizations.placement_directory as
      select p.id, p.organization_id, p.page_id, p.material_id, p.url, p.published_at, p.source, p.withdrawn_at, p.withdrawal_reason,
        exists (select 1 from organizations.placement_revision r where r.placement_id = p.id and r.change = 'DISPROVED') as disproved
      from organizations.placement p`);
    this.addSql(`comment on view organizations.placement_directory is
      'Read contract of the organizations subgraph for monitoring and compliance (id, organization_id, page_id, material_id, url, published_at, source, withdrawn_at, withdrawal_reason, disproved). Read-only for other subgraphs.'`);
  }
}
