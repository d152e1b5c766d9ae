import { Migration } from '@mikro-orm/migrations';

/**
 * Read contract monitoring.page_health (docs/READ-CONTRACTS.md): each official page of an active
 * organization with how the hub last fared reading it and when it last saw the page post, so that
 * compliance can name the pages that went silent in its letters and monitoring's pageHealth lists
 * them one way.
 */
export class Migration20261211PageHealth extends Migration {
  override async up(): Promise<void> {
    // organizations.page_directory may not exist yet when this schema migrates first (each service
    // migrates on its own): the body is checked when it is first called, not now.
    this.addSql('set local check_function_bodies = off');
    this.addSql(`
      create function monitoring.page_health(p_organizations uuid[] default null)
      returns table (page_id uuid, organization_id uuid, platform text, url text, status text,
                     last_post_at timestamptz, last_crawled_at timestamptz, error text)
      language sql stable as $$
        select d.id, d.organization_id, d.platform, d.url, c.status, c.last_post_at, c.last_crawled_at, c.error
        from organizations.page_directory d
        left join monitoring.page_crawl c on c.page_id = d.id
        where d.active and (p_organizations is null or d.organization_id = any(p_organizations))
      $$`);
    this.addSql(`comment on function monitoring.page_health(uuid[]) is
      'Read contract of the monitoring subgraph: per official page of an active organization (of p_organizations when given), its crawl status (null before the first crawl), the newest post seen and the last crawl. Read-only.'`);
  }
}
