import type { EntityManager } from '@mikro-orm/postgresql';
import { runSqlBound, type MaterialUptake, type Period, type RuleCode } from '@hub/common';

/** The content center's supply to one kind of recipient (decree 2.2, counted per recipient). */
export interface SupplyGroup { kind: string; recipients: number; short: number; fewest: number; required: number }

/** Last week's 2.2 results, grouped by the recipients' kind. */
export async function supplyByGroup(em: EntityManager, week: string): Promise<SupplyGroup[]> {
  const { rows } = await runSqlBound<SupplyGroup>(
    em,
    `select organization_kind as kind, count(*)::int as recipients, count(*) filter (where status = 'MISSED')::int as short,
            min(actual)::int as fewest, max(required)::int as required
     from compliance.compliance_result where rule = 'CONTENT_CENTER_WEEKLY_SUPPLY' and period = ?
     group by organization_kind order by organization_kind`,
    [week],
  );
  return rows;
}

/** The recipients that received fewer materials than the norm last week, fewest first. */
export async function shortedRecipients(em: EntityManager, week: string, limit: number): Promise<{ name: string; actual: number }[]> {
  const { rows } = await runSqlBound<{ name: string; actual: number }>(
    em,
    `select d.name, r.actual from compliance.compliance_result r join organizations.directory d on d.id = r.organization_id
     where r.rule = 'CONTENT_CENTER_WEEKLY_SUPPLY' and r.period = ? and r.status = 'MISSED'
     order by r.actual, d.name limit ?`,
    [week, limit],
  );
  return rows;
}

export interface TitledUptake extends MaterialUptake { title: string }

/** Each material distributed in the period with its uptake (organizations.material_uptake) and title. */
export async function periodUptake(em: EntityManager, period: Period): Promise<TitledUptake[]> {
  const { rows } = await runSqlBound<{ material_id: string; title: string; topic: string; distributed_at: Date; recipients: number; placed_by: number }>(
    em,
    `select u.material_id, u.topic, u.distributed_at, u.recipients, u.placed_by,
            (select r.title from content.received_log r where r.material_id = u.material_id limit 1) as title
     from organizations.material_uptake(?, ?) u`,
    [period.start, period.end],
  );
  return rows.map((r) => ({
    materialId: r.material_id, title: r.title, topic: r.topic, distributedAt: new Date(r.distributed_at), recipients: r.recipients, placedBy: r.placed_by,
  }));
}

export interface OpenNote { text: string; materialTitle: string | null; topic: string | null; week: string | null; createdAt: Date }

/** The ЦУР's methodological notes the content center has not answered (content.open_notes), oldest first. */
export async function openNotes(em: EntityManager): Promise<OpenNote[]> {
  const { rows } = await runSqlBound<{ text: string; material_title: string | null; topic: string | null; week: string | null; created_at: Date }>(
    em,
    'select text, material_title, topic, week, created_at from content.open_notes order by created_at, note_id',
    [],
  );
  return rows.map((r) => ({ text: r.text, materialTitle: r.material_title, topic: r.topic, week: r.week, createdAt: new Date(r.created_at) }));
}

/** One rule's standing in its latest evaluated period that began before `before`, per severity. */
export interface RuleStanding { period: string; severity: string; met: number; missed: number; exempt: number }

export async function latestStanding(em: EntityManager, rule: RuleCode, before: Date): Promise<RuleStanding[]> {
  const { rows } = await runSqlBound<RuleStanding>(
    em,
    `select period, severity, count(*) filter (where status = 'MET')::int as met,
            count(*) filter (where status = 'MISSED')::int as missed, count(*) filter (where status = 'EXEMPT')::int as exempt
     from compliance.compliance_result
     where rule = ? and period = (select period from compliance.compliance_result where rule = ? and period_start < ? order by period_start desc limit 1)
     group by period, severity order by severity`,
    [rule, rule, before],
  );
  return rows;
}
