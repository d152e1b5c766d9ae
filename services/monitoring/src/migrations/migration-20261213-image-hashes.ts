import { Migration } from '@mikro-orm/migrations';

/**
 * Photos as matching evidence (docs/DESIGN.md, "Matching"): the perceptual hashes of a post's
 * photos, computed by the crawl when the post is new or its attachments changed, and those of the
 * materials' images, fetched once per material and link.
 */
export class Migration20261213ImageHashes extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table monitoring.page_post add column image_hashes text[]');
    this.addSql(`comment on column monitoring.page_post.image_hashes is
      'The 64-bit perceptual hashes (16 hex digits) of the post''s first photos, as of its attachments when stored; null: not computed yet (no photo, or a fetch to try again on the next crawl).'`);
    this.addSql(`
      create table monitoring.material_image (
        material_id uuid not null,
        -- One of the material's media links (content.material_text.media_links).
        url text not null,
        -- Null when the link gave no hash: not an image, unreadable, flat, or a fetch that failed.
        hash text check (hash ~ '^[0-9a-f]{16}$'),
        -- Why there is no hash.
        failure text,
        fetched_at timestamptz not null,
        -- A failure that may pass (a network error, a time-out, HTTP 5xx) is tried again from then; null: final.
        retry_after timestamptz,
        primary key (material_id, url)
      )`);
  }
}
