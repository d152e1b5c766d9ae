import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, type MaterialUptake, type Period, type RuleCode } from '@hub/common';

/** The content center's supply to one kind of recipient (decree 2.2, counted per recipient). */
export interface SupplyGroup {
  kind: string;
  recipients: number;
  short: number;
  fewest: number;
  required: number;
}

/** Last week's 2.2 results, grouped by the recipients' kind. */
export async function supplyByGroup(em: EntityManager, week: string): Promise<SupplyGroup[]> {
  return queryRows<SupplyGroup>(
    em,
    sql`select organization_kind as kind, count(*)::int as recipients, count(*) filter (where status = 'MISSED')::int as short,
               min(actual)::int as fewest, max(required)::int as required
        from compliance.compliance_result where rule = 'CONTENT_CENTER_WEEKLY_SUPPLY' and period = ${week}
        group by organization_kind order by organization_kind`,
  );
}

/** The recipients that received fewer materials than the norm last week, fewest first. */
export async function shortedRecipients(em: EntityManager, week: string, limit: number): Promise<{ name: string; actual: number }[]> {
  return queryRows<{ name: string; actual: number }>(
    em,
    sql`select d.name, r.actual from compliance.compliance_result r join organizations.directory d on d.id = r.organization_id
        where r.rule = 'CONTENT_CENTER_WEEKLY_SUPPLY' and r.period = ${week} and r.status = 'MISSED'
        order by r.actual, d.name limit ${limit}`,
  );
}

export interface TitledUptake extends MaterialUptake {
  title: string;
}

/** Each material distributed in the period with its uptake (organizations.material_uptake) and title. */
export async function periodUptake(em: EntityManager, period: Period): Promise<TitledUptake[]> {
  const rows = await queryRows<{
    material_id: string;
    title: string;
    topic: string;
    distributed_at: string;
    recipients: number;
    placed_by: number;
  }>(
    em,
    sql`select u.material_id, u.topic, u.distributed_at, u.recipients, u.placed_by,
               (select r.title from content.received_log r where r.material_id = u.material_id limit 1) as title
        from organizations.material_uptake(${period.start}, ${period.end}) u`,
  );
  return rows.map((r) => ({
    materialId: r.material_id,
    title: r.title,
    topic: r.topic,
    distributedAt: new Date(r.distributed_at),
    recipients: r.recipients,
    placedBy: r.placed_by,
  }));
}

export interface OpenNote {
  text: string;
  materialTitle: string | null;
  topic: string | null;
  week: string | null;
  createdAt: Date;
}

/** The ЦУР's methodological notes the content center has not answered (content.open_notes), oldest first. */
export async function openNotes(em: EntityManager): Promise<OpenNote[]> {
  const rows = await queryRows<{
    text: string;
    material_title: string | null;
    topic: string | null;
    week: string | null;
    created_at: string;
  }>(em, sql`select text, material_title, topic, week, created_at from content.open_notes order by created_at, note_id`);
  return rows.map((r) => ({
    text: r.text,
    materialTitle: r.material_title,
    topic: r.topic,
    week: r.week,
    createdAt: new Date(r.created_at),
  }));
}

/** One rule's standing in its latest evaluated period that began before `before`, per severity. */
export interface RuleStanding {
  period: string;
  severity: string;
  met: number;
  missed: number;
  exempt: number;
}

export async function latestStanding(em: EntityManager, rule: RuleCode, before: Date): Promise<RuleStanding[]> {
  return queryRows<RuleStanding>(
    em,
    sql`select period, severity, count(*) filter (where status = 'MET')::int as met,
               count(*) filter (where status = 'MISSED')::int as missed, count(*) filter (where status = 'EXEMPT')::int as exempt
        from compliance.compliance_result
        where rule = ${rule}
          and period = (select period from compliance.compliance_result where rule = ${rule} and period_start < ${before} order by period_start desc limit 1)
        group by period, severity order by severity`,
  );
}

/** One weekly result with its organization's name. */
export interface WeeklyResultRow {
  name: string;
  kind: string;
  rule: string;
  severity: string;
  decree_item: string;
  required: number;
  actual: number;
  status: string;
  consecutive_misses: number;
}

/** The week's results of both weekly rules (3.1 and 2.2) with names, the longest runs of misses first. */
export async function weeklyResults(em: EntityManager, week: string): Promise<WeeklyResultRow[]> {
  return queryRows<WeeklyResultRow>(
    em,
    sql`select d.name, r.organization_kind as kind, r.rule, r.severity, r.decree_item, r.required, r.actual, r.status, r.consecutive_misses
        from compliance.compliance_result r join organizations.directory d on d.id = r.organization_id
        where r.period = ${week} and r.rule in ('WEEKLY_PLACEMENTS', 'CONTENT_CENTER_WEEKLY_SUPPLY')
        order by r.rule desc, r.consecutive_misses desc, d.name`,
  );
}
