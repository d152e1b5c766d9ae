import { Migration } from '@mikro-orm/migrations';

/**
 * Read contract monitoring.post_reach (docs/READ-CONTRACTS.md): each stored post still on its page
 * with its counters as last seen, for organizations' uptake and reach figures, which join it to
 * their placements on (page_id, url). The index serves that lookup, and the placements' own
 * evidence (Placement.reach, Placement.verification), which finds a placement's post the same way.
 */
export class Migration20261212PostReach extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index page_post_page_url_idx on monitoring.page_post (page_id, url)');
    this.addSql(`
      create view monitoring.post_reach as
      select page_id, url, views, likes, reposts, comments, last_seen_at
      from monitoring.page_post
      where deleted_at is null`);
    this.addSql(`comment on view monitoring.post_reach is
      'Read contract of the monitoring subgraph for organizations (page_id, url, views, likes, reposts, comments, last_seen_at): each stored post not found deleted, its counters as last seen. Read-only for other subgraphs.'`);
  }
}
