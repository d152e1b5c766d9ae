import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log every subgraph appends to (docs/READ-CONTRACTS.md). Every subgraph runs this
 * migration in its own schema's list, so it must be harmless the second and third time.
 */
export class Migration20261202AuditLog extends Migration {
  override async up(): Promise<void> {
    // The subgraphs migrate at once, each under its own schema's lock; concurrent
    // `create … if not exists` of the same object can still collide in the catalog.
    this.addSql("select pg_advisory_xact_lock(hashtext('migrate:audit'))");
    this.addSql('create schema if not exists audit');
    this.addSql(`
      create table if not exists audit.entry (
        id uuid primary key default gen_random_uuid(),
        at timestamptz not null,
        actor text not null,
        role text not null,
        org uuid,
        subgraph text not null,
        operation text not null,
        target_ids uuid[] not null default '{}',
        input_summary jsonb,
        succeeded boolean not null,
        error_code text
      )`);
    this.addSql('create index if not exists entry_at_idx on audit.entry (at desc, id desc)');
    this.addSql('create index if not exists entry_actor_idx on audit.entry (actor, at desc, id desc)');
    this.addSql('create index if not exists entry_operation_idx on audit.entry (operation, at desc, id desc)');
    this.addSql('create index if not exists entry_target_ids_idx on audit.entry using gin (target_ids)');
    this.addSql('create index if not exists entry_failed_idx on audit.entry (at desc, id desc) where not succeeded');
    this.addSql(`
      create or replace function audit.refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit.entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end
      $$`);
    // Statement-level, so an UPDATE or DELETE is refused even when it matches no row.
    this.addSql(`
      create or replace trigger entry_append_only
        before update or delete or truncate on audit.entry
        for each statement execute function audit.refuse_change()`);
  }
}
