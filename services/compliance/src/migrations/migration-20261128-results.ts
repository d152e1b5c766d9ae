import { Migration } from '@mikro-orm/migrations';

export class Migration20261128Results extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table compliance.compliance_run (
        id uuid primary key default gen_random_uuid(),
        rule text not null,
        period text not null,
        trigger text not null check (trigger in ('MANUAL','SCHEDULE','CATCH_UP')),
        triggered_by text not null,
        status text not null default 'RUNNING' check (status in ('RUNNING','SUCCEEDED','FAILED')),
        started_at timestamptz not null,
        finished_at timestamptz,
        evaluated integer not null default 0,
        met integer not null default 0,
        missed integer not null default 0,
        exempt integer not null default 0,
        error text
      )`);
    this.addSql('create index compliance_run_rule_period_idx on compliance.compliance_run (rule, period, started_at desc)');
    this.addSql(`
      create table compliance.exemption (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null,
        rule text not null,
        period text not null,
        reason text not null,
        expires_at timestamptz,
        granted_by text not null,
        granted_at timestamptz not null,
        revoked_by text,
        revoked_at timestamptz
      )`);
    this.addSql(
      'create unique index exemption_active_unique on compliance.exemption (organization_id, rule, period) where revoked_at is null',
    );
    this.addSql(`
      create table compliance.compliance_result (
        id uuid primary key default gen_random_uuid(),
        organization_id uuid not null,
        organization_kind text not null,
        parent_id uuid,
        municipality_id uuid,
        rule text not null,
        period text not null,
        period_start timestamptz not null,
        severity text not null check (severity in ('MANDATORY','RECOMMENDED')),
        required integer not null,
        actual integer not null,
        status text not null check (status in ('MET','MISSED','EXEMPT')),
        consecutive_misses integer not null default 0,
        exemption_id uuid references compliance.exemption (id),
        run_id uuid not null references compliance.compliance_run (id),
        evaluated_at timestamptz not null,
        constraint compliance_result_unique unique (organization_id, rule, period)
      )`);
    this.addSql('create index compliance_result_report_idx on compliance.compliance_result (rule, period, status, organization_id)');
    this.addSql('create index compliance_result_history_idx on compliance.compliance_result (organization_id, period_start desc)');
    this.addSql('create index compliance_result_rule_history_idx on compliance.compliance_result (rule, organization_id, period_start)');
    this.addSql(`
      create table compliance.rule_change (
        id uuid primary key default gen_random_uuid(),
        rule text not null,
        changed_by text not null,
        changed_at timestamptz not null,
        before jsonb not null,
        after jsonb not null
      )`);
  }
}
