import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, queryRows, sql } from '@hub/common';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import {
  ComplianceReportDocument,
  CorrectPlacementDocument,
  ReportPlacementsDocument,
  WithdrawPlacementDocument,
} from './generated/contract.js';

// A reported placement put right or withdrawn, and the weeks it touched evaluated again.
// The museum registers in 2026-W46, so 2026-W47 and 2026-W48 are its first evaluated weeks.
let now = new Date('2026-11-10T00:00:00Z');
let hub: TestHub;
let adminToken: string;
let admin: GraphQLClient;
let operator: GraphQLClient;
const org: Record<string, string> = {};
const page: Record<string, string> = {};
const material: Record<string, string> = {};
const placement: Record<string, string> = {};

const TZ = 'Asia/Vladivostok';
const COUNT = 'query($id: ID!, $week: String) { organization(id: $id) { placementCount(week: $week) } }';
const countOf = async (week: string) =>
  (await admin.data<{ organization: { placementCount: number } }>(COUNT, { id: org.museum, week })).organization.placementCount;
const weeks = async () => [await countOf('2026-W47'), await countOf('2026-W48')];
const PLACEMENT = 'query($id: ID!) { organization(id: $id) { placements(period: "2026-11") { id url publishedAt } } }';
const placements = async () =>
  (await admin.data<{ organization: { placements: { id: string; url: string; publishedAt: string }[] } }>(PLACEMENT, { id: org.museum }))
    .organization.placements;

/** organizations.last_report, the read contract the compliance worker asks which evaluated weeks are stale. */
async function lastReport(week: string): Promise<Date | null> {
  const { start, end } = parsePeriod(week, TZ);
  const [row] = await queryRows<{ at: string | null }>(
    hub.subgraphs.organizations.orm.em.fork(),
    sql`select organizations.last_report(${start}, ${end}) as at`,
  );
  return row!.at ? new Date(row!.at) : null;
}

/** The museum's WEEKLY_PLACEMENTS verdict for the week, as the compliance report lists it. */
async function verdict(week: string): Promise<string | undefined> {
  const data = await admin.data(ComplianceReportDocument, { rule: 'WEEKLY_PLACEMENTS', period: week, first: 50 });
  return data.complianceReport.edges.find((e) => e.node.organization.id === org.museum)?.node.status;
}

/** What the scheduler does on its next run: every due period, including those made stale. */
const schedulerRuns = async (at: string) => {
  now = new Date(at);
  return hub.worker!.catchUp();
};

const item = (m: string, p: string, url: string, publishedAt: string) => ({ materialId: material[m]!, pageId: page[p]!, url, publishedAt });
const W47 = '2026-11-18T12:00:00+10:00';
const W48 = '2026-11-25T12:00:00+10:00';

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now, worker: true });
  adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  const head = (key: string) => ({ fullName: 'Козлова Мария Андреевна', position: 'Директор', email: `${key}@khv-region.test` });
  org.culture = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство культуры Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    head: head('culture'),
  });
  org.museum = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'КГБУК «Краевой музей»',
    kind: 'SUBORDINATE',
    parentId: org.culture,
    head: head('museum'),
  });
  org.sport = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство спорта Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    head: head('sport'),
  });
  page.museumVk = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: org.museum,
    platform: 'VK',
    url: 'https://vk.com/club555',
  });
  page.museumTg = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: org.museum,
    platform: 'TELEGRAM',
    url: 'https://t.me/museum27',
  });

  now = new Date('2026-11-16T00:00:00Z');
  const editor = await tokenFor('EDITOR');
  const titles = {
    a: 'Выставка амурских мастеров',
    b: 'Ночь музеев в Хабаровске',
    c: 'Гастроли краевого театра драмы',
    d: 'Фестиваль нанайской культуры',
    e: 'Конкурс юных пианистов края',
  };
  for (const [key, title] of Object.entries(titles)) {
    material[key] = await distributedMaterial(hub.gatewayUrl, editor, {
      title,
      body: 'Краевой музей приглашает жителей на событие недели.',
      topic: 'CULTURE',
    });
  }

  // Monday 30 November, 10:00: the museum reports two materials of W47 and three of W48.
  now = new Date('2026-11-30T00:00:00Z');
  operator = hub.client(await tokenFor('OPERATOR', org.culture));
  const reported = await operator.data(ReportPlacementsDocument, {
    input: [
      item('a', 'museumVk', 'https://vk.com/wall-555_1', W47),
      item('b', 'museumVk', 'https://vk.com/club555?w=wall-555_2', W47),
      item('c', 'museumTg', 'https://t.me/museum27/3', W48),
      item('d', 'museumTg', 'https://t.me/museum27/4', W48),
      item('e', 'museumTg', 'https://t.me/museum27/5', W48),
    ],
  });
  for (const p of reported.reportPlacements.placements) {
    placement[Object.keys(material).find((k) => material[k] === p.material.id)!] = p.id;
  }
  await schedulerRuns('2026-11-30T00:05:00Z');
}, 120_000);
afterAll(() => hub?.stop());

describe('a placement corrected to another week', () => {
  it('starts as two materials in W47 (missed) and three in W48 (met)', async () => {
    expect(await weeks()).toEqual([2, 3]);
    expect([await verdict('2026-W47'), await verdict('2026-W48')]).toEqual(['MISSED', 'MET']);
  });

  it("moves to the week of its new time: both weeks' counts change", async () => {
    now = new Date('2026-12-01T00:00:00Z');
    const res = await operator.request(CorrectPlacementDocument, {
      id: placement.c!,
      url: 'https://t.me/museum27/30',
      publishedAt: '2026-11-20T09:00:00+10:00',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.correctPlacement).toMatchObject({ id: placement.c, url: 'https://t.me/museum27/30' });
    expect(new Date(res.data!.correctPlacement.publishedAt).toISOString()).toBe('2026-11-19T23:00:00.000Z');
    expect(await weeks()).toEqual([3, 2]);
  });

  it('makes both weeks stale for the compliance worker, whose next run flips both verdicts', async () => {
    expect((await lastReport('2026-W47'))!.getTime()).toBeGreaterThanOrEqual(now.getTime());
    expect((await lastReport('2026-W48'))!.getTime()).toBeGreaterThanOrEqual(now.getTime());
    expect(await schedulerRuns('2026-12-01T01:00:00Z')).toBeGreaterThanOrEqual(2);
    expect([await verdict('2026-W47'), await verdict('2026-W48')]).toEqual(['MET', 'MISSED']);
  });
});

describe('a withdrawn placement', () => {
  it('stops counting everywhere and stays stored with the reason', async () => {
    now = new Date('2026-12-02T00:00:00Z');
    const res = await operator.request<{ withdrawPlacement: { id: string; withdrawnAt: string; withdrawalReason: string } }>(
      `mutation($id: ID!, $reason: String!) {
      withdrawPlacement(id: $id, reason: $reason) { id withdrawnAt withdrawalReason } }`,
      { id: placement.a, reason: '  Пост удалён: не тот материал ' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.withdrawPlacement).toMatchObject({ id: placement.a, withdrawalReason: 'Пост удалён: не тот материал' });
    expect(new Date(res.data!.withdrawPlacement.withdrawnAt).toISOString()).toBe(now.toISOString());
    expect(await weeks()).toEqual([2, 2]);
    expect((await placements()).map((p) => p.id)).not.toContain(placement.a);
    const onMaterial = await admin.data<{ material: unknown }>(
      'query($id: ID!) { material(id: $id) { placementCount placements { totalCount } } }',
      { id: material.a },
    );
    expect(onMaterial.material).toEqual({ placementCount: 0, placements: { totalCount: 0 } });
    const [row] = await queryRows<{ withdrawn_by: string }>(
      hub.subgraphs.organizations.orm.em.fork(),
      sql`select withdrawn_by from organizations.placement where id = ${placement.a!}`,
    );
    expect(row!.withdrawn_by).toBeTruthy();
  });

  it('makes its week stale: the next run finds W47 missed again', async () => {
    expect((await lastReport('2026-W47'))!.getTime()).toBe(now.getTime());
    expect(await schedulerRuns('2026-12-02T01:00:00Z')).toBeGreaterThanOrEqual(1);
    expect(await verdict('2026-W47')).toBe('MISSED');
  });

  it('cannot be corrected or withdrawn again (CONFLICT)', async () => {
    expect(errorCodes(await operator.request(WithdrawPlacementDocument, { id: placement.a!, reason: 'Ещё раз' }))).toEqual(['CONFLICT']);
    expect(
      errorCodes(
        await operator.request(CorrectPlacementDocument, { id: placement.a!, url: 'https://vk.com/wall-555_9', publishedAt: W47 }),
      ),
    ).toEqual(['CONFLICT']);
  });
});

describe('a refused correction or withdrawal changes nothing', () => {
  const unchanged = async (attempt: () => Promise<unknown>) => {
    const before = [await placements(), await weeks(), await lastReport('2026-W48')];
    await attempt();
    expect([await placements(), await weeks(), await lastReport('2026-W48')]).toEqual(before);
  };

  it("refuses an OPERATOR outside the placement's tree, and the roles that do not report", async () => {
    const outside = await tokenFor('OPERATOR', org.sport);
    await unchanged(async () => {
      expect(
        errorCodes(
          await hub
            .client(outside)
            .request(CorrectPlacementDocument, { id: placement.d!, url: 'https://t.me/museum27/40', publishedAt: W47 }),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await hub.client(outside).request(WithdrawPlacementDocument, { id: placement.d!, reason: 'Чужой пост' }))).toEqual([
        'FORBIDDEN',
      ]);
      for (const token of [await tokenFor('HEAD', org.culture), await tokenFor('ANALYST'), await tokenFor('EDITOR')]) {
        expect(errorCodes(await hub.client(token).request(WithdrawPlacementDocument, { id: placement.d!, reason: 'Нет прав' }))).toEqual([
          'FORBIDDEN',
        ]);
      }
    });
  });

  it('answers NOT_FOUND for an unknown placement', async () => {
    const unknown = '00000000-0000-4000-8000-000000000099';
    expect(
      errorCodes(await admin.request(CorrectPlacementDocument, { id: unknown, url: 'https://t.me/museum27/41', publishedAt: W47 })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await admin.request(WithdrawPlacementDocument, { id: unknown, reason: 'Нет такого' }))).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['a post of another channel', { url: 'https://t.me/minsport27/41' }, 'url'],
    ['a page address instead of a post', { url: 'https://t.me/museum27' }, 'url'],
    ['a time in the future', { publishedAt: '2026-12-20T09:00:00+10:00' }, 'publishedAt'],
    ['a time before the material was sent', { publishedAt: '2026-11-10T09:00:00+10:00' }, 'publishedAt'],
  ])('refuses %s (BAD_USER_INPUT naming the field)', async (_label, patch, field) => {
    await unchanged(async () => {
      const res = await operator.request(CorrectPlacementDocument, {
        id: placement.d!,
        url: 'https://t.me/museum27/42',
        publishedAt: W48,
        ...patch,
      });
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  it('refuses a withdrawal without a reason', async () => {
    await unchanged(async () => {
      expect((await operator.request(WithdrawPlacementDocument, { id: placement.d!, reason: '   ' })).errors![0]!.extensions).toMatchObject(
        {
          code: 'BAD_USER_INPUT',
          field: 'reason',
        },
      );
    });
  });
});

describe('a post must belong to the page it is reported on', () => {
  it('refuses a VK wall post of another community on a page registered by number, naming the item', async () => {
    const res = await operator.request(ReportPlacementsDocument, {
      input: [item('d', 'museumVk', 'https://vk.com/wall-555_10', W48), item('e', 'museumVk', 'https://vk.com/wall-1_1', W48)],
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions).toMatchObject({ index: 1, field: 'url' });
    expect(await weeks()).toEqual([2, 2]);
  });

  it("refuses a Telegram post of another channel in a report, and another community's wall in a correction", async () => {
    const res = await operator.request(ReportPlacementsDocument, { input: [item('a', 'museumTg', 'https://t.me/minsport27/7', W48)] });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', index: 0, field: 'url' });
    const moved = await operator.request(CorrectPlacementDocument, { id: placement.b!, url: 'https://vk.com/wall-1_2', publishedAt: W47 });
    expect(moved.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
  });
});

describe('the audit log', () => {
  it('records both mutations, the refusals too, with the placement among the targets', async () => {
    const AUDIT = `query($operation: String, $targetId: ID) { auditLog(operation: $operation, targetId: $targetId, first: 50) {
      edges { node { operation succeeded errorCode targetIds role } } } }`;
    const entries = async (operationName: string, targetId: string | undefined) =>
      (
        await admin.data<{
          auditLog: {
            edges: { node: { operation: string; succeeded: boolean; errorCode: string | null; targetIds: string[]; role: string } }[];
          };
        }>(AUDIT, { operation: operationName, targetId })
      ).auditLog.edges.map((e) => e.node);
    const corrections = await entries('correctPlacement', placement.c);
    expect(corrections).toContainEqual(
      expect.objectContaining({ succeeded: true, role: 'OPERATOR', targetIds: expect.arrayContaining([placement.c]) }),
    );
    const withdrawals = await entries('withdrawPlacement', placement.d);
    expect(withdrawals).toContainEqual(expect.objectContaining({ succeeded: false, errorCode: 'FORBIDDEN' }));
    expect(await entries('withdrawPlacement', placement.a)).toContainEqual(expect.objectContaining({ succeeded: true }));
  });
});
