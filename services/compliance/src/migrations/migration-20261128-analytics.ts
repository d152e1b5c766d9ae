import { Migration } from '@mikro-orm/migrations';

/** An organization's escalations, newest first (the dashboard's drill-down). */
export class Migration20261128Analytics extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index escalation_organization_idx on compliance.escalation (organization_id, created_at desc)');
  }
}
