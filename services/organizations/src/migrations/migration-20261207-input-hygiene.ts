import { Migration } from '@mikro-orm/migrations';

/**
 * Security review of inputs (tests/input-hygiene.e2e.test.ts).
 *
 * The region has one committee, one regional management center (ЦУР) and one content center:
 * letters go to "the" committee. At most one active organization of each of those kinds; a
 * deactivated one keeps its history and leaves the place to its successor. The command checks
 * first and names the holder; this index is the last word should two registrations race
 * (organization.commands.ts maps its violation to CONFLICT by this name).
 *
 * Telegram pages: normalizePageUrl now files telegram.me/x and t.me/s/x (the web preview) under
 * t.me/x. Keys stored before are brought to that form, except where the channel is already
 * registered under it (a twin from before: left for the registry's keepers to merge).
 */
export class Migration20261207InputHygiene extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create unique index organization_singleton_kind_idx on organizations.organization (kind)
      where active and kind in ('COMMITTEE', 'REGIONAL_MANAGEMENT_CENTER', 'CONTENT_CENTER')`);
    this.addSql(`
      with renamed as (
        select id, regexp_replace(regexp_replace(normalized_url, '^https://telegram\\.me/', 'https://t.me/'), '^https://t\\.me/s/([^/])', 'https://t.me/\\1') as key
        from organizations.official_page
        where platform = 'TELEGRAM' and (normalized_url like 'https://telegram.me/%' or normalized_url like 'https://t.me/s/_%')
      ), free as (
        select distinct on (r.key) r.id, r.key from renamed r
        where not exists (select 1 from organizations.official_page p where p.normalized_url = r.key)
        order by r.key, r.id
      )
      update organizations.official_page p set normalized_url = free.key from free where p.id = free.id`);
  }
}
