import { Migration } from '@mikro-orm/migrations';

/**
 * Where a placement comes from: reported by an officer, or discovered by monitoring on the page
 * (docs/DESIGN.md, "Evidence from the platforms"). A default, so bulk inserts need not name it.
 */
export class Migration20261209PlacementSource extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table organizations.placement
      add column source text not null default 'REPORTED' check (source in ('REPORTED', 'DISCOVERED'))`);
  }
}
