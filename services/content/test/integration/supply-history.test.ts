import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, migrate, parsePeriod, periodsEndingWith, type Orm, type Period } from '@hub/common';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { contentSubgraph } from '../../src/server.js';
import { MaterialEntity } from '../../src/entities/material.entity.js';
import { distributedCount, distributedCounts } from '../../src/data/materials.repo.js';

let db: TestDatabase;
let content: Orm;

async function distributedAt(...instants: string[]) {
  const em = content.em.fork();
  for (const at of instants) {
    em.create(MaterialEntity, {
      title: 'Материал',
      body: 'Текст',
      topic: 'SOCIAL',
      status: 'DISTRIBUTED',
      createdBy: 'test',
      distributedAt: new Date(at),
    });
  }
  await em.flush();
}

const weeksEndingWith = (label: string, n: number, zone: string): Period[] => periodsEndingWith(parsePeriod(label, zone), n, zone);

beforeAll(async () => {
  db = await createTestDatabase();
  content = await initOrm({
    databaseUrl: db.url,
    schema: 'content',
    entities: contentSubgraph.entities,
    migrations: contentSubgraph.migrations,
  });
  await migrate(content, 'content');
  await distributedAt(
    '2026-11-08T13:59:59Z', // Sunday 23:59:59 in Khabarovsk: week 45, before the range below
    '2026-11-08T14:00:00Z', // Monday 00:00: week 46
    '2026-11-10T01:00:00Z',
    '2026-11-22T13:59:59Z', // the last second of week 47
    '2026-11-24T01:00:00Z',
    '2026-11-25T01:00:00Z',
    '2026-11-26T01:00:00Z',
    '2026-11-29T14:00:00Z', // week 49, after the range
    // Berlin, where October ends with the clocks going back.
    '2026-10-25T21:30:00Z', // Sunday 25 October 22:30 CET: week 43 there
    '2026-10-25T23:30:00Z', // Monday 26 October 00:30 CET: week 44
  );
});

afterAll(async () => {
  await content?.close(true);
  await db?.drop();
});

describe("the content center's supply, week by week", () => {
  it('counts every local week of a range in one query, weeks without materials as 0', async () => {
    const weeks = weeksEndingWith('2026-W48', 4, 'Asia/Vladivostok');
    expect(weeks.map((w) => w.label)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(await distributedCounts(content.em.fork(), weeks)).toEqual([1, 2, 1, 3]);
  });

  it('agrees with the count of each single week', async () => {
    const weeks = weeksEndingWith('2026-W49', 6, 'Asia/Vladivostok');
    const counts = await distributedCounts(content.em.fork(), weeks);
    for (const [i, week] of weeks.entries()) expect(counts[i]).toBe(await distributedCount(content.em.fork(), week));
  });

  it('keeps to the local week where the offset changes', async () => {
    const weeks = weeksEndingWith('2026-W44', 2, 'Europe/Berlin');
    expect(await distributedCounts(content.em.fork(), weeks)).toEqual([1, 1]);
  });
});
