import { Migration } from '@mikro-orm/migrations';

/**
 * What monitoring saw on the official pages (docs/DESIGN.md, "Evidence from the platforms"): the
 * crawl state per page, the posts, and their matches to materials. Keyed by the page ids of
 * organizations.page_directory; nothing here points into another subgraph's tables.
 */
export class Migration20261208Monitoring extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table monitoring.page_crawl (
        page_id uuid primary key,
        -- Null until a crawl finished.
        status text check (status in ('OK','NOT_CONFIGURED','UNREACHABLE','PRIVATE','NOT_FOUND','RATE_LIMITED','PARSE_FAILED')),
        platform_page_id text,
        last_crawled_at timestamptz,
        last_success_at timestamptz,
        last_post_at timestamptz,
        consecutive_failures int not null default 0,
        error text,
        -- A crawl's lease: one worker (or one crawlPage) reads a page at a time.
        leased_by text,
        leased_until timestamptz
      )`);
    this.addSql(`
      create table monitoring.page_post (
        id uuid primary key default gen_random_uuid(),
        page_id uuid not null,
        platform_post_id text not null,
        url text not null,
        published_at timestamptz not null,
        text text not null,
        links text[] not null default '{}',
        attachments text[] not null default '{}',
        views int,
        likes int,
        reposts int,
        comments int,
        first_seen_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        deleted_at timestamptz,
        unique (page_id, platform_post_id)
      )`);
    this.addSql('create index page_post_page_published_idx on monitoring.page_post (page_id, published_at desc, id desc)');
    this.addSql(`
      create table monitoring.post_match (
        post_id uuid not null references monitoring.page_post (id) on delete cascade,
        material_id uuid not null,
        score real not null check (score between 0 and 1),
        evidence text not null check (evidence in ('LINK','TEXT','IMAGE')),
        decision text check (decision in ('AUTO','CONFIRMED','REJECTED')),
        decided_by text,
        decided_at timestamptz,
        primary key (post_id, material_id)
      )`);
    this.addSql('create index post_match_material_idx on monitoring.post_match (material_id)');
  }
}
