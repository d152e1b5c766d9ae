import { Migration } from '@mikro-orm/migrations';

/**
 * Read contract for compliance's letters only: who to write to about an organization. Heads'
 * e-mails are personal data, so this stays apart from the general directory.
 */
export class Migration20261128MailDirectory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create view organizations.mail_directory as
      select o.id, o.name, o.kind, o.parent_id, o.active, o.head_full_name, o.head_position, o.head_email, o.contact_email
      from organizations.organization o`);
    this.addSql(`comment on view organizations.mail_directory is
      'Read contract of the organizations subgraph for compliance mail: names, heads and contact e-mails. Personal data: read only to address letters.'`);
  }
}
