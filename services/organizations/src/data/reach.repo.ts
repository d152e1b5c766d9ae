import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, subtreeOf, type Period, type Sql } from '@hub/common';
import type { ReachGroupRow, ReachSums } from '../resolvers/mappers.js';

/**
 * What placements reached: each placement's post as monitoring last saw it on its page, from
 * monitoring's read contract monitoring.post_reach (docs/READ-CONTRACTS.md), joined on the
 * placement's page and exact address (as Placement.reach finds it) and summed set-based, in the
 * statement that picks the placements. A post not seen yet, or found deleted, adds nothing and is
 * not counted in placements_seen.
 */

/** The post of placement `p` as `s` (the latest seen, should a page ever show one address twice). */
export const POST_OF_PLACEMENT = sql`left join lateral (
    select r.page_id, r.views, r.likes, r.reposts, r.comments from monitoring.post_reach r
    where r.page_id = p.page_id and r.url = p.url
    order by r.last_seen_at desc limit 1
  ) s on true`;

/** The sums over placements `p` and their posts `s`, as ReachColumns. */
export const REACH_SUMS = sql`count(*)::int as placements, count(s.page_id)::int as placements_seen,
  coalesce(sum(s.views), 0)::int as views, coalesce(sum(s.likes), 0)::int as likes,
  coalesce(sum(s.reposts), 0)::int as reposts, coalesce(sum(s.comments), 0)::int as comments`;

export interface ReachColumns {
  placements: number;
  placements_seen: number;
  views: number;
  likes: number;
  reposts: number;
  comments: number;
}

export const NO_REACH: ReachSums = { placements: 0, placementsSeen: 0, views: 0, likes: 0, reposts: 0, comments: 0 };

/** ReachColumns as the SDL's Reach; none (no placement) is zero. */
export const reachOf = (row: Partial<ReachColumns> | null | undefined): ReachSums =>
  row?.placements
    ? {
        placements: row.placements,
        placementsSeen: row.placements_seen ?? 0,
        views: row.views ?? 0,
        likes: row.likes ?? 0,
        reposts: row.reposts ?? 0,
        comments: row.comments ?? 0,
      }
    : NO_REACH;

export type ReachGrouping = ReachGroupRow['groupBy'];

/** The key of a placement `p` (topic: its material's `d`), as text. */
function keyOf(groupBy: ReachGrouping, timezone: string): Sql {
  switch (groupBy) {
    case 'MATERIAL':
      return sql`p.material_id::text`;
    case 'ORGANIZATION':
      return sql`p.organization_id::text`;
    case 'TOPIC':
      return sql`d.topic`;
    case 'WEEK':
      // The region's local ISO week of publication, labelled as services/common/src/periods.ts does.
      return sql`to_char(p.published_at at time zone ${timezone}, 'IYYY-"W"IW')`;
  }
}

/**
 * The placements published in the period that count (not withdrawn), grouped, with their reach:
 * one statement, most viewed first. `withinTreeOf` sums only the placements of that organization's
 * tree.
 */
export async function reachByGroup(
  em: EntityManager,
  period: Period,
  groupBy: ReachGrouping,
  withinTreeOf: string | null,
  timezone: string,
): Promise<ReachGroupRow[]> {
  const rows = await queryRows<ReachColumns & { key: string }>(
    em,
    sql`${withinTreeOf ? sql`with tree as (${subtreeOf(withinTreeOf)})` : sql.empty}
        select ${keyOf(groupBy, timezone)} as key, ${REACH_SUMS}
        from organizations.placement p
        ${groupBy === 'TOPIC' ? sql`join content.distribution_log d on d.material_id = p.material_id` : sql.empty}
        ${POST_OF_PLACEMENT}
        where p.published_at >= ${period.start} and p.published_at < ${period.end} and p.withdrawn_at is null
          ${withinTreeOf ? sql`and p.organization_id in (select id from tree)` : sql.empty}
        group by 1
        order by views desc, placements desc, key`,
  );
  return rows.map((row) => ({ groupBy, key: row.key, reach: reachOf(row) }));
}
