import { Migration } from '@mikro-orm/migrations';

/**
 * The read contract the monitoring subgraph crawls from (docs/READ-CONTRACTS.md): every official
 * page with its organization, platform and address as registered. Monitoring keeps its own state
 * per page id and never writes here.
 */
export class Migration20261208PageDirectory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create view organizations.page_directory as
      select p.id, p.organization_id, p.platform, p.url, p.platform_id, p.created_at as added_at, o.active
      from organizations.official_page p
      join organizations.organization o on o.id = p.organization_id`);
    this.addSql(`comment on view organizations.page_directory is
      'Read contract of the organizations subgraph for monitoring (id, organization_id, platform, url, platform_id, added_at, active: the organization''s). Read-only for other subgraphs.'`);
  }
}
