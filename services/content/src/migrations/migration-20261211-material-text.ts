import { Migration } from '@mikro-orm/migrations';

/**
 * Read contract for monitoring's matching (docs/READ-CONTRACTS.md): a distributed material's text
 * and links, to tell whether a post on a recipient's page places it.
 */
export class Migration20261211MaterialText extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create view content.material_text as
      select m.id as material_id, m.title, m.body, m.media_links, m.distributed_at, m.withdrawn_at
      from content.material m
      where m.distributed_at is not null`);
    this.addSql(`comment on view content.material_text is
      'Read contract of the content subgraph for monitoring: a distributed material''s title, body, links, distribution and withdrawal. Read-only for other subgraphs.'`);
  }
}
