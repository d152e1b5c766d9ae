import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSql, initOrm, migrate, parsePeriod, queryRows, sql, type Orm } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { complianceSubgraph } from '../../src/server.js';
import { recomputeLaterRuns } from '../../src/data/results.repo.js';

const TZ = 'Asia/Vladivostok';
const ALWAYS_MISSED = '00000000-0000-4000-8000-000000000001';
const NO_LATER_WEEK = '00000000-0000-4000-8000-000000000002';
let db: TestDatabase;
let orm: Orm;

/** A result as a run stores it, with the run of misses it was stored with. */
async function store(organizationId: string, week: string, status: 'MET' | 'MISSED', consecutiveMisses: number) {
  await execSql(
    orm.em.fork(),
    sql`insert into compliance.compliance_result (organization_id, organization_kind, rule, period, period_start, severity, decree_item,
          required, actual, status, consecutive_misses, run_id, evaluated_at)
        values (${organizationId}, 'EXECUTIVE_BODY', 'WEEKLY_PLACEMENTS', ${week}, ${parsePeriod(week, TZ).start}, 'MANDATORY', '3.1',
          3, ${status === 'MET' ? 3 : 0}, ${status}, ${consecutiveMisses}, gen_random_uuid(), now())
        on conflict (rule, period, organization_id) do update
          set status = excluded.status, actual = excluded.actual, consecutive_misses = excluded.consecutive_misses`,
  );
}

const runsOf = (organizationId: string) =>
  queryRows<{ period: string; consecutive_misses: number }>(
    orm.em.fork(),
    sql`select period, consecutive_misses from compliance.compliance_result
        where organization_id = ${organizationId} and rule = 'WEEKLY_PLACEMENTS' order by period`,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({
    databaseUrl: db.url,
    schema: 'compliance',
    entities: complianceSubgraph.entities,
    migrations: complianceSubgraph.migrations,
  });
  await migrate(orm, 'compliance');
  // Three weeks missed in a row (1, 2, 3); another organization evaluated up to week 45 only.
  for (const [week, misses] of [
    ['2026-W45', 1],
    ['2026-W46', 2],
    ['2026-W47', 3],
  ] as const)
    await store(ALWAYS_MISSED, week, 'MISSED', misses);
  await store(NO_LATER_WEEK, '2026-W45', 'MISSED', 4);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('the runs of misses after a week is evaluated again', () => {
  it('are counted again from the week that changed, for the organizations that have a later week', async () => {
    // Week 45 met after all (a late report): weeks 46 and 47 are the first and second miss.
    await store(ALWAYS_MISSED, '2026-W45', 'MET', 0);
    await store(NO_LATER_WEEK, '2026-W45', 'MET', 0);
    const updated = await recomputeLaterRuns(orm.em.fork(), 'WEEKLY_PLACEMENTS', parsePeriod('2026-W45', TZ));
    expect(updated).toBe(2);
    expect(await runsOf(ALWAYS_MISSED)).toEqual([
      { period: '2026-W45', consecutive_misses: 0 },
      { period: '2026-W46', consecutive_misses: 1 },
      { period: '2026-W47', consecutive_misses: 2 },
    ]);
    // Its own week's run is the check's to store, not the recount's.
    expect(await runsOf(NO_LATER_WEEK)).toEqual([{ period: '2026-W45', consecutive_misses: 0 }]);
  });

  it('touch nothing when the week evaluated is the latest', async () => {
    expect(await recomputeLaterRuns(orm.em.fork(), 'WEEKLY_PLACEMENTS', parsePeriod('2026-W47', TZ))).toBe(0);
  });
});
