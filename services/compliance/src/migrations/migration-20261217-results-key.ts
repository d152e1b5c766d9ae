import { Migration } from '@mikro-orm/migrations';

/**
 * The results table at its floor (docs/PERFORMANCE.md, "The weekly check"): a result is keyed by
 * what it is, (rule, period, organization), the key idempotency needs, which also serves every read
 * of a rule's period; one index serves an organization's history. Gone: the random id nothing
 * referenced or read by, the unique constraint the key replaces, three indexes the key and the
 * history index cover, and two per-row foreign-key checks: a run's results are written by the run
 * in its own transaction, and exemptions are revoked, never deleted.
 */
export class Migration20261217ResultsKey extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table compliance.compliance_result drop constraint compliance_result_run_id_fkey');
    this.addSql('alter table compliance.compliance_result drop constraint compliance_result_exemption_id_fkey');
    this.addSql('drop index compliance.compliance_result_report_idx');
    this.addSql('drop index compliance.compliance_result_history_idx');
    this.addSql('drop index compliance.compliance_result_rule_history_idx');
    this.addSql('alter table compliance.compliance_result drop constraint compliance_result_unique');
    this.addSql('alter table compliance.compliance_result drop constraint compliance_result_pkey');
    this.addSql('alter table compliance.compliance_result drop column id');
    this.addSql(
      'alter table compliance.compliance_result add constraint compliance_result_pkey primary key (rule, period, organization_id)',
    );
    this.addSql('create index compliance_result_history_idx on compliance.compliance_result (organization_id, rule, period_start)');
  }
}
