import { Migration } from '@mikro-orm/migrations';

/** The decree's rules (Governor's order No. 299-r of 28 June 2023) as the default configuration. */
export class Migration20261128Rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table compliance.compliance_rule (
        code text primary key check (code in ('CONTENT_CENTER_WEEKLY_SUPPLY','WEEKLY_PLACEMENTS','FEEDBACK_WIDGET','MONTHLY_MEDIA_MENTION')),
        title text not null,
        decree_item text not null,
        period_kind text not null check (period_kind in ('WEEK','MONTH','DAY')),
        threshold integer not null check (threshold >= 0),
        deadline date,
        timezone text,
        applies_to jsonb not null,
        enabled boolean not null default true,
        updated_by text not null default 'system',
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      insert into compliance.compliance_rule (code, title, decree_item, period_kind, threshold, deadline, applies_to) values
      ('CONTENT_CENTER_WEEKLY_SUPPLY', 'Контент-центр направляет не менее 10 материалов в неделю', '2.2', 'WEEK', 10, null,
        '[{"kind":"CONTENT_CENTER","parentKind":null,"severity":"MANDATORY"}]'),
      ('WEEKLY_PLACEMENTS', 'Не менее 3 материалов регионального контента в неделю на официальных страницах', '3.1, 4', 'WEEK', 3, null,
        '[{"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"MANDATORY"},
          {"kind":"SUBORDINATE","parentKind":"EXECUTIVE_BODY","severity":"MANDATORY"},
          {"kind":"MUNICIPALITY","parentKind":null,"severity":"RECOMMENDED"},
          {"kind":"SUBORDINATE","parentKind":"MUNICIPALITY","severity":"RECOMMENDED"}]'),
      ('FEEDBACK_WIDGET', 'Виджет обратной связи Госуслуг на каждой официальной странице', '3.2', 'DAY', 1, '2023-07-01',
        '[{"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"MANDATORY"},
          {"kind":"SUBORDINATE","parentKind":"EXECUTIVE_BODY","severity":"MANDATORY"},
          {"kind":"MUNICIPALITY","parentKind":null,"severity":"MANDATORY"},
          {"kind":"SUBORDINATE","parentKind":"MUNICIPALITY","severity":"MANDATORY"},
          {"kind":"CONTENT_CENTER","parentKind":null,"severity":"MANDATORY"},
          {"kind":"COMMITTEE","parentKind":null,"severity":"MANDATORY"},
          {"kind":"REGIONAL_MANAGEMENT_CENTER","parentKind":null,"severity":"MANDATORY"}]'),
      ('MONTHLY_MEDIA_MENTION', 'Не менее 1 публикации в СМИ в месяц об официальных страницах', '3.3', 'MONTH', 1, null,
        '[{"kind":"EXECUTIVE_BODY","parentKind":null,"severity":"MANDATORY"}]')
    `);
  }
}
