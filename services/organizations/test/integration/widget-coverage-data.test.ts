import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSql, sql, type Orm } from '@hub/common';
import type { DemoOrganizationRow } from '../../src/data/demo.js';
import { TEST_HEAD as head, registryDatabase, type RegistryDatabase } from '../support/registry-db.js';
import { pagesWithoutWidget, widgetCoverage, type PageSet } from '../../src/data/widget-coverage.repo.js';
import type { FeedbackForm } from '../../src/domain/feedback-widget.js';

let db: RegistryDatabase;
let orm: Orm;
const ids = { body: randomUUID(), school: randomUUID(), district: randomUUID(), closed: randomUUID() };
const placed = new Date('2026-06-01T00:00:00Z');

// Pages p1…p8; `created` orders them within one millisecond, so a cursor must keep microseconds.
const page = (n: number, reportProblem: boolean, shareOpinion: boolean) => ({
  id: randomUUID(),
  n,
  platform: 'VK' as const,
  url: `https://vk.com/page${n}`,
  verified: false,
  widgetReportProblemAt: reportProblem ? placed : null,
  widgetShareOpinionAt: shareOpinion ? placed : null,
});
const p = {
  1: page(1, true, true),
  2: page(2, true, false),
  3: page(3, false, false),
  4: page(4, false, true),
  5: page(5, false, false),
  6: page(6, false, false),
  7: page(7, true, true),
  8: page(8, false, false),
};
const created: Record<number, string> = {
  2: '000000',
  3: '000001',
  4: '000002',
  5: '000003',
  6: '000004',
  1: '000005',
  7: '000006',
  8: '000007',
};

const org = (id: string, kind: DemoOrganizationRow['kind'], parentId: string | null, pages: (typeof p)[1][]): DemoOrganizationRow => ({
  id,
  name: `Организация ${kind}`,
  shortName: null,
  kind,
  parentId,
  inn: null,
  head,
  contactEmail: null,
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  pages: pages.map(({ n: _n, ...rest }) => rest),
});

beforeAll(async () => {
  db = await registryDatabase([
    org(ids.body, 'EXECUTIVE_BODY', null, [p[1], p[2], p[3]]),
    org(ids.school, 'SUBORDINATE', ids.body, [p[4], p[5]]),
    org(ids.district, 'MUNICIPALITY', null, [p[6], p[7]]),
    org(ids.closed, 'SUBORDINATE', ids.district, [p[8]]),
  ]);
  orm = db.orm;
  for (const [n, micros] of Object.entries(created)) {
    await execSql(
      orm.em.fork(),
      sql`update organizations.official_page set created_at = ${`2026-01-01T00:00:00.${micros}Z`}::timestamptz where id = ${p[Number(n) as keyof typeof p].id}`,
    );
  }
  await execSql(orm.em.fork(), sql`update organizations.organization set active = false where id = ${ids.closed}`);
});

afterAll(() => db?.close());

const numbers = (pageIds: string[]) => pageIds.map((id) => Object.values(p).find((x) => x.id === id)!.n);

/** Every page of the list, fetched `size` at a time by following the cursors. */
async function walk(set: PageSet, form: FeedbackForm | null, size: number): Promise<{ pages: number[]; total: number }> {
  const seen: string[] = [];
  let after: [string, string] | null = null;
  let total = 0;
  for (let guard = 0; guard < 20; guard++) {
    const result = await pagesWithoutWidget(orm.em.fork(), set, form, size, after);
    total = result.total;
    seen.push(...result.rows.slice(0, size).map((r) => r.page.id));
    if (result.rows.length <= size) break;
    const last = result.rows[size - 1]!;
    after = [last.createdAt, last.page.id];
  }
  return { pages: numbers(seen), total };
}

describe('pages without the feedback widget', () => {
  it('lists the pages of active organizations lacking either form, oldest first, page by page', async () => {
    expect(await walk({}, null, 1)).toEqual({ pages: [2, 3, 4, 5, 6], total: 5 });
    expect(await walk({}, null, 2)).toEqual({ pages: [2, 3, 4, 5, 6], total: 5 });
  });

  it('lists the pages lacking one form', async () => {
    expect(await walk({}, 'REPORT_PROBLEM', 50)).toEqual({ pages: [3, 4, 5, 6], total: 4 });
    expect(await walk({}, 'SHARE_OPINION', 50)).toEqual({ pages: [2, 3, 5, 6], total: 4 });
  });

  it("filters by the organization's kind and by a tree", async () => {
    expect(await walk({ kind: 'SUBORDINATE' }, null, 50)).toEqual({ pages: [4, 5], total: 2 });
    expect(await walk({ withinTreeOf: ids.body }, null, 50)).toEqual({ pages: [2, 3, 4, 5], total: 4 });
    expect(await walk({ withinTreeOf: ids.district }, null, 50)).toEqual({ pages: [6], total: 1 });
    expect(await walk({ withinTreeOf: ids.body, kind: 'EXECUTIVE_BODY' }, 'REPORT_PROBLEM', 50)).toEqual({ pages: [3], total: 1 });
  });
});

describe('widget coverage', () => {
  it('counts the same pages', async () => {
    expect(await widgetCoverage(orm.em.fork(), {})).toEqual({
      pages: 7,
      withBoth: 2,
      missingReportProblem: 4,
      missingShareOpinion: 4,
      missingBoth: 3,
    });
    expect(await widgetCoverage(orm.em.fork(), { withinTreeOf: ids.body })).toEqual({
      pages: 5,
      withBoth: 1,
      missingReportProblem: 3,
      missingShareOpinion: 3,
      missingBoth: 2,
    });
    expect(await widgetCoverage(orm.em.fork(), { withinTreeOf: ids.district })).toEqual({
      pages: 2,
      withBoth: 1,
      missingReportProblem: 1,
      missingShareOpinion: 1,
      missingBoth: 1,
    });
  });

  it('agrees with the list for every form and filter, and with the fixture counted by hand', async () => {
    const sets: PageSet[] = [
      {},
      { kind: 'SUBORDINATE' },
      { kind: 'MUNICIPALITY' },
      { withinTreeOf: ids.body },
      { withinTreeOf: ids.school },
      { withinTreeOf: ids.closed },
    ];
    // The active organizations each set covers (the closed one's page never counts) and their pages.
    const pagesOf = { body: [p[1], p[2], p[3]], school: [p[4], p[5]], district: [p[6], p[7]], closed: [] };
    const covered: (keyof typeof pagesOf)[][] = [
      ['body', 'school', 'district'],
      ['school'],
      ['district'],
      ['body', 'school'],
      ['school'],
      ['closed'],
    ];
    for (const [i, set] of sets.entries()) {
      const coverage = await widgetCoverage(orm.em.fork(), set);
      const pages = covered[i]!.flatMap((name) => pagesOf[name]);
      const lacks = (x: (typeof pages)[number], form: 'widgetReportProblemAt' | 'widgetShareOpinionAt') => x[form] === null;
      expect(coverage).toEqual({
        pages: pages.length,
        withBoth: pages.filter((x) => !lacks(x, 'widgetReportProblemAt') && !lacks(x, 'widgetShareOpinionAt')).length,
        missingReportProblem: pages.filter((x) => lacks(x, 'widgetReportProblemAt')).length,
        missingShareOpinion: pages.filter((x) => lacks(x, 'widgetShareOpinionAt')).length,
        missingBoth: pages.filter((x) => lacks(x, 'widgetReportProblemAt') && lacks(x, 'widgetShareOpinionAt')).length,
      });
      const total = async (form: FeedbackForm | null) => (await pagesWithoutWidget(orm.em.fork(), set, form, 0, null)).total;
      expect(await total('REPORT_PROBLEM')).toBe(coverage.missingReportProblem);
      expect(await total('SHARE_OPINION')).toBe(coverage.missingShareOpinion);
      expect(await total(null)).toBe(coverage.pages - coverage.withBoth);
      expect(coverage.missingReportProblem + coverage.missingShareOpinion - coverage.missingBoth).toBe(coverage.pages - coverage.withBoth);
    }
  });
});
