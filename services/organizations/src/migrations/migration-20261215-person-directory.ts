import { Migration } from '@mikro-orm/migrations';

/**
 * organizations.person_directory (docs/READ-CONTRACTS.md): the people who may sign in, as
 * compliance reads them to send a sign-in link and to tell who a session is.
 */
export class Migration20261215PersonDirectory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create view organizations.person_directory as
      select p.id as person_id, lower(p.email) as email, p.full_name, p.role, p.organization_id, p.active
      from organizations.person p`);
  }
}
