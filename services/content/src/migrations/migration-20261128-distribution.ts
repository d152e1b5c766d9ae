import { Migration } from '@mikro-orm/migrations';

export class Migration20261128Distribution extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table content.material
        add column summary text,
        add column hashtags text[] not null default '{}',
        add column media_links text[] not null default '{}',
        add column window_from timestamptz,
        add column window_until timestamptz,
        add column approved_at timestamptz,
        add column approved_by text,
        add column distributed_at timestamptz,
        add column distributed_by text,
        add column audience jsonb,
        add column recipient_count integer not null default 0,
        add column withdrawn_at timestamptz,
        add column withdrawn_by text,
        add column withdrawal_reason text,
        add column updated_by text,
        add constraint material_window_order check (window_from is null or window_until is null or window_until > window_from)`);
    this.addSql('create index material_created_idx on content.material (created_at desc, id desc)');
    this.addSql('create index material_distributed_idx on content.material (distributed_at) where distributed_at is not null');
    this.addSql(`
      create table content.material_recipient (
        material_id uuid not null references content.material (id),
        organization_id uuid not null,
        primary key (material_id, organization_id)
      )`);
    // The inbox and "what did this organization receive" read by organization first.
    this.addSql('create index material_recipient_organization_idx on content.material_recipient (organization_id, material_id)');
    this.addSql(`
      create view content.distribution_log as
      select m.id as material_id, m.topic, m.distributed_at, m.recipient_count, m.withdrawn_at, m.window_until
      from content.material m where m.distributed_at is not null`);
    this.addSql(`comment on view content.distribution_log is
      'Read contract of the content subgraph: one row per distributed material (the weekly supply, decree 2.2; withdrawal times for placements). Read-only for other subgraphs.'`);
  }
}
