import { Migration } from '@mikro-orm/migrations';

/**
 * What monitoring does with its evidence (docs/DESIGN.md, "Evidence from the platforms").
 *
 * - post_match.reported_at: when a counting match (AUTO or CONFIRMED) was told to organizations
 *   as a DISCOVERED placement, so each is told once; report_error when organizations refused it
 *   (the post's time outside the material's window, say), so it is not offered again every crawl.
 * - placement_check: each counting placement's verification as of the last crawl of its page,
 *   and how many crawls in a row found it NOT_FOUND or MISMATCH; disproved_at once it was
 *   withdrawn for that. Keyed by organizations' placement id; nothing points into its tables.
 * - placement_evidence: the read contract other subgraphs read those checks from
 *   (docs/READ-CONTRACTS.md): compliance's weekly summary counts verified placements.
 */
export class Migration20261210PlacementEvidence extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table monitoring.post_match add column reported_at timestamptz, add column report_error text');
    this.addSql(`
      create table monitoring.placement_check (
        placement_id uuid primary key,
        page_id uuid not null,
        -- The post address checked: a corrected placement starts its count over.
        url text not null,
        verification text not null check (verification in ('PENDING','VERIFIED','NOT_FOUND','MISMATCH')),
        failed_crawls int not null default 0,
        checked_at timestamptz not null,
        disproved_at timestamptz,
        disprove_error text
      )`);
    this.addSql(`
      create view monitoring.placement_evidence as
      select placement_id, page_id, verification, failed_crawls, checked_at, disproved_at from monitoring.placement_check`);
    this.addSql(`comment on view monitoring.placement_evidence is
      'Read contract of the monitoring subgraph (placement_id, page_id, verification, failed_crawls, checked_at, disproved_at): each placement as the last crawl of its page found it. Read-only for other subgraphs.'`);
  }
}
