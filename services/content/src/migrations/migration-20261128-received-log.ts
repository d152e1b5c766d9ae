import { Migration } from '@mikro-orm/migrations';

/** Read contract for compliance's letters: what each organization received, to say what is still open to place. */
export class Migration20261128ReceivedLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create view content.received_log as
      select r.organization_id, m.id as material_id, m.title, m.topic, m.distributed_at, m.window_until, m.withdrawn_at
      from content.material_recipient r join content.material m on m.id = r.material_id
      where m.distributed_at is not null`);
    this.addSql(`comment on view content.received_log is
      'Read contract of the content subgraph: one row per material and recipient organization (title, distribution, window, withdrawal). Read-only for other subgraphs.'`);
  }
}
