import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '@hub/common';
import { errorCodes, gql, tokenFor } from '@hub/common/testing';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { operation } from './support/operations.js';

// Batches (docs/SECURITY.md, "Concurrency") of placements that overlap in
// different orders. Before, 20 such calls met "deadlock detected" as INTERNAL_SERVER_ERROR.
let now = new Date('2026-11-23T00:00:00Z');
let hub: TestHub;
let admin: string;
const pages: string[] = [];
/** A deadlock needs the calls to meet mid-insert: several rounds, each of 20 new pairs, make that sure. */
const ROUNDS = 5;
const materials: string[] = [];

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  admin = await tokenFor('ADMIN');
  const editor = await tokenFor('EDITOR');
  const head = { fullName: 'Орлова Вера Павловна', position: 'Директор', email: 'theatre@khv-region.test' };
  const theatre = await registerOrganization(hub.gatewayUrl, admin, { name: 'КГБУК «Краевой театр драмы»', kind: 'EXECUTIVE_BODY', head });
  for (const [platform, url] of [
    ['VK', 'https://vk.com/club7701'],
    ['VK', 'https://vk.com/club7702'],
    ['TELEGRAM', 'https://t.me/khv_drama'],
    ['OK', 'https://ok.ru/group/7704'],
  ] as const) {
    pages.push(await addOfficialPage(hub.gatewayUrl, admin, { organizationId: theatre, platform, url }));
  }
  const words = ['премьера', 'гастроли', 'фестиваль', 'спектакль', 'концерт'];
  for (let round = 0; round < ROUNDS; round++) {
    for (const word of words) {
      materials.push(
        await distributedMaterial(
          hub.gatewayUrl,
          editor,
          {
            title: `Театр драмы объявил: ${word} сезона, часть ${round + 1}`,
            body: 'Зрителей ждут новые постановки и встречи с артистами.',
            topic: 'CULTURE',
          },
          { organizationIds: [theatre] },
        ),
      );
    }
  }
  now = new Date('2026-11-25T00:00:00Z');
}, 120_000);
afterAll(() => hub?.stop());

const postUrl = (page: number, material: number) =>
  [
    `https://vk.com/wall-7701_${100 + material}`,
    `https://vk.com/wall-7702_${200 + material}`,
    `https://t.me/khv_drama/${300 + material}`,
    `https://ok.ru/group/7704/topic/${400 + material}`,
  ][page]!;
const roundItems = (round: number) =>
  pages.flatMap((pageId, p) =>
    materials.slice(round * 5, round * 5 + 5).map((materialId, m) => ({
      materialId,
      pageId,
      url: postUrl(p, round * 5 + m),
      publishedAt: '2026-11-24T12:00:00+10:00',
    })),
  );

describe('reportPlacements under overlapping batches', () => {
  it('answers 20 concurrent calls of the same 20 new items, half of them reversed, round after round, without an error, storing each pair once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const items = roundItems(round);
      expect(items).toHaveLength(20);
      const calls = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          gql<{ reportPlacements: { accepted: number } }>(
            hub.gatewayUrl,
            operation('ReportPlacements'),
            { input: i % 2 ? [...items].reverse() : items },
            admin,
          ),
        ),
      );
      expect(
        calls.flatMap((c) => errorCodes(c)),
        `round ${round + 1}`,
      ).toEqual([]);
      // Each pair is accepted by exactly one call; the others see it as a duplicate.
      expect(calls.reduce((sum, c) => sum + c.data!.reportPlacements.accepted, 0)).toBe(20);
    }
    const [row] = await queryRows<{ pairs: number; rows: number }>(
      hub.subgraphs.organizations.orm.em.fork(),
      sql`select count(distinct (material_id, page_id))::int as pairs, count(*)::int as rows from organizations.placement where page_id = any(${pages}::uuid[])`,
    );
    expect(row).toEqual({ pairs: 20 * ROUNDS, rows: 20 * ROUNDS });
  });
});

describe("a subgraph's statements", () => {
  it('stop before the gateway gives up on the call (0.8 × SUBGRAPH_TIMEOUT_MS), so a call reported failed has been rolled back', async () => {
    const [row] = await queryRows<{ statement_timeout: string }>(hub.subgraphs.organizations.orm.em.fork(), sql`show statement_timeout`);
    // The test hub's gateway waits 10 s for a subgraph.
    expect(row!.statement_timeout).toBe('8s');
  });
});
