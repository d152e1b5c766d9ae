import { Migration } from '@mikro-orm/migrations';

/**
 * The organizations subgraph's read contract for the other subgraphs: who exists, where they
 * sit in the tree, whether they are active and have official pages. Other subgraphs read this
 * view (never the tables) to resolve audiences and scopes in one set-based query.
 */
export class Migration20261128Directory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create view organizations.directory as
      select o.id, o.name, o.kind, o.parent_id, o.active, o.registered_at,
             exists (select 1 from organizations.official_page p where p.organization_id = o.id) as has_pages
      from organizations.organization o`);
    this.addSql(`comment on view organizations.directory is
      'Read contract of the organizations subgraph (id, name, kind, parent_id, active, registered_at, has_pages). Read-only for other subgraphs.'`);
  }
}
