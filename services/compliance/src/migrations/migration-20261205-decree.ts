import { Migration } from '@mikro-orm/migrations';

/**
 * The decree as written (docs/DESIGN.md, "The rules"): each rule says whom it binds, under which
 * decree item and how strongly; a rule's settings become versions effective from a period; an
 * escalation remembers its severity, item and addressees, is told in a digest composed after its
 * run (one letter per recipient per run or catch-up) and is resolved when a late report turns the
 * verdict to MET.
 */
export class Migration20261205Decree extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table compliance.rule_version (
        code text not null references compliance.compliance_rule (code),
        effective_from text not null,
        effective_from_start timestamptz not null,
        threshold integer not null check (threshold >= 0),
        enabled boolean not null,
        deadline date,
        timezone text,
        applies_to jsonb not null,
        changed_by text not null,
        changed_at timestamptz not null default now(),
        primary key (code, effective_from_start)
      )`);
    // The settings in force so far become each rule's first version, in force since the decree;
    // whom a rule binds is read from the decree's own words (items 2.2, 3.1-3.3, 4).
    this.addSql(`
      insert into compliance.rule_version (code, effective_from, effective_from_start, threshold, enabled, deadline, timezone, applies_to, changed_by, changed_at)
      select r.code,
        case r.period_kind when 'WEEK' then '2023-W26' when 'MONTH' then '2023-06' else '2023-06-28' end,
        '-infinity', r.threshold, r.enabled, r.deadline, r.timezone,
        case r.code
          when 'CONTENT_CENTER_WEEKLY_SUPPLY' then '[
            {"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"RECOMMENDED","decreeItem":"2.2"},
            {"kind":"MUNICIPALITY","parentKind":null,"severity":"RECOMMENDED","decreeItem":"2.2"},
            {"kind":"SUBORDINATE","parentKind":null,"severity":"RECOMMENDED","decreeItem":"2.2"}]'::jsonb
          when 'WEEKLY_PLACEMENTS' then '[
            {"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"MANDATORY","decreeItem":"3.1"},
            {"kind":"SUBORDINATE","parentKind":"EXECUTIVE_BODY","severity":"MANDATORY","decreeItem":"3.1"},
            {"kind":"MUNICIPALITY","parentKind":null,"severity":"RECOMMENDED","decreeItem":"4"},
            {"kind":"SUBORDINATE","parentKind":"MUNICIPALITY","severity":"RECOMMENDED","decreeItem":"4"}]'::jsonb
          when 'FEEDBACK_WIDGET' then '[
            {"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"MANDATORY","decreeItem":"3.2"},
            {"kind":"SUBORDINATE","parentKind":"EXECUTIVE_BODY","severity":"MANDATORY","decreeItem":"3.2"}]'::jsonb
          else '[{"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"MANDATORY","decreeItem":"3.3"}]'::jsonb
        end,
        r.updated_by, r.updated_at
      from compliance.compliance_rule r`);
    this
      .addSql(`update compliance.compliance_rule set title = 'Не менее 10 материалов регионального контента в неделю каждому получателю', decree_item = '2.2'
      where code = 'CONTENT_CENTER_WEEKLY_SUPPLY'`);
    this
      .addSql(`update compliance.compliance_rule set title = 'Публикация в СМИ об официальных страницах органа или его подведомственных организаций, не реже раза в месяц'
      where code = 'MONTHLY_MEDIA_MENTION'`);
    this
      .addSql(`update compliance.compliance_rule set title = 'Виджет обратной связи Госуслуг на каждой официальной странице органа и подведомственных организаций'
      where code = 'FEEDBACK_WIDGET'`);
    this.addSql(`alter table compliance.compliance_rule
      drop column threshold, drop column deadline, drop column timezone, drop column applies_to, drop column enabled,
      drop column updated_by, drop column updated_at`);
    this.addSql(`alter table compliance.rule_change add column effective_from text`);

    this.addSql(`alter table compliance.compliance_result add column decree_item text`);
    this.addSql(`update compliance.compliance_result set decree_item = case
      when rule = 'WEEKLY_PLACEMENTS' and severity = 'RECOMMENDED' then '4'
      when rule = 'WEEKLY_PLACEMENTS' then '3.1' when rule = 'FEEDBACK_WIDGET' then '3.2'
      when rule = 'MONTHLY_MEDIA_MENTION' then '3.3' else '2.2' end`);
    this.addSql(`alter table compliance.compliance_result alter column decree_item set not null`);

    this.addSql(`alter table compliance.escalation
      add column severity text not null default 'MANDATORY' check (severity in ('MANDATORY','RECOMMENDED')),
      add column decree_item text,
      add column addressees jsonb not null default '[]',
      add column notified_at timestamptz,
      add column resolved_at timestamptz,
      add column resolution_told_at timestamptz`);
    // What was escalated before this migration was told already.
    this.addSql(`update compliance.escalation set notified_at = created_at`);
    this.addSql(`create index escalation_untold_idx on compliance.escalation (created_at) where notified_at is null`);
    this.addSql(`create index escalation_resolution_untold_idx on compliance.escalation (resolved_at)
      where resolved_at is not null and resolution_told_at is null`);
    this.addSql(`alter table compliance.notification add column decree_items text[] not null default '{}'`);

    this.addSql(`alter table compliance.escalation_policy add column recommended_recipients jsonb not null default '["RESPONSIBLE_HEAD"]'`);
    // Item 3 makes the executive body's head answer for its subordinates: told from the first miss.
    this.addSql(`update compliance.escalation_policy set
      levels = '[{"level":1,"minConsecutive":1,"recipients":["HEAD","PARENT_HEAD"]},
                 {"level":2,"minConsecutive":2,"recipients":["HEAD","PARENT_HEAD","PARENT_CONTACT"]},
                 {"level":3,"minConsecutive":3,"recipients":["HEAD","PARENT_HEAD","PARENT_CONTACT","CUR","COMMITTEE"]}]',
      content_center_recipients = '["CONTENT_CENTER","COMMITTEE"]'
      where updated_by = 'system'`);
  }
}
