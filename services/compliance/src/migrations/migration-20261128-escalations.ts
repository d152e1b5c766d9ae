import { Migration } from '@mikro-orm/migrations';

/** The escalation ladder of docs/DESIGN.md as the default policy, the escalations, and the mail outbox. */
export class Migration20261128Escalations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table compliance.escalation_policy (
        id integer primary key default 1 check (id = 1),
        levels jsonb not null,
        content_center_recipients jsonb not null,
        suppress_when_parent_told boolean not null default false,
        updated_by text not null default 'system',
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      insert into compliance.escalation_policy (levels, content_center_recipients) values (
        '[{"level":1,"minConsecutive":1,"recipients":["HEAD","PARENT_CONTACT"]},
          {"level":2,"minConsecutive":2,"recipients":["HEAD","PARENT_CONTACT","PARENT_HEAD"]},
          {"level":3,"minConsecutive":3,"mandatoryBodyMinConsecutive":2,"recipients":["HEAD","PARENT_CONTACT","PARENT_HEAD","CUR","COMMITTEE"]}]',
        '["COMMITTEE","CUR"]')`);
    this.addSql(`
      create table compliance.escalation (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null,
        rule text not null,
        period text not null,
        level integer not null,
        consecutive_misses integer not null,
        recipients text[] not null,
        run_id uuid not null references compliance.compliance_run (id),
        created_at timestamptz not null,
        constraint escalation_unique unique (organization_id, rule, period, level)
      )`);
    this.addSql('create index escalation_period_idx on compliance.escalation (period, rule)');
    this.addSql(`
      create table compliance.notification (
        id uuid primary key default gen_random_uuid(),
        kind text not null,
        dedup_key text not null unique,
        "to" text not null,
        cc text[] not null default '{}',
        subject text not null,
        html text not null,
        text text not null,
        attachments jsonb not null default '[]',
        status text not null default 'PENDING' check (status in ('PENDING','SENT','FAILED')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        last_error text,
        sent_at timestamptz,
        message_id text,
        created_at timestamptz not null default now()
      )`);
    // The dispatcher claims due rows in creation order.
    this.addSql("create index notification_due_idx on compliance.notification (next_attempt_at, created_at) where status = 'PENDING'");
    this.addSql(`
      create table compliance.notification_escalation (
        notification_id uuid not null references compliance.notification (id),
        escalation_id uuid not null references compliance.escalation (id),
        primary key (notification_id, escalation_id)
      )`);
    this.addSql('create index notification_escalation_escalation_idx on compliance.notification_escalation (escalation_id)');
  }
}
