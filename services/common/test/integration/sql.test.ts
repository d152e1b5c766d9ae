import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@hub/common/testing';
import { initOrm, type Orm } from '../../src/db.js';
import { keysetAfter, keysetPage, type KeysetColumn } from '../../src/keyset-page.js';
import { encodeCursor, decodeCursor, toConnection } from '../../src/pagination.js';
import { execSql, instantFromMillis, queryRow, queryRows, runQuery, sql } from '../../src/sql.js';

let db: TestDatabase;
let orm: Orm;
let slow: Orm;
const em = (): EntityManager => orm.em.fork();

const ID = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({ databaseUrl: db.url, schema: 'public', entities: [], migrations: [] });
  slow = await initOrm({ databaseUrl: db.url, schema: 'public', entities: [], migrations: [], statementTimeoutMs: 200 });
  await execSql(em(), sql`create table note (id uuid primary key, body text, tags text[], at timestamptz, rank int)`);
});

afterAll(async () => {
  await orm?.close(true);
  await slow?.close(true);
  await db?.drop();
});

describe('the sql tag', () => {
  it('binds every value as a parameter, never as text of the statement', () => {
    const query = sql`select * from note where id = ${ID[0]!} and tags && ${['a', 'b']}::text[] and at < ${new Date(0)}`;
    expect(query.text).toBe('select * from note where id = $1 and tags && $2::text[] and at < $3');
    expect(query.values).toEqual([ID[0], ['a', 'b'], new Date(0)]);
  });

  it('sends an array as one PostgreSQL array, whatever its elements hold', async () => {
    const awkward = ['plain', 'comma, inside', 'quote " inside', 'brace {x}', 'back\\slash', 'NULL', '', 'ёлочки «»'];
    const row = await queryRow<{ echoed: string[]; n: number }>(
      em(),
      sql`select ${awkward}::text[] as echoed, cardinality(${awkward}::text[]) as n`,
    );
    expect(row).toEqual({ echoed: awkward, n: awkward.length });
  });

  it('matches a column against an array, empty arrays and null elements included', async () => {
    await execSql(em(), sql`insert into note (id, body, rank) select unnest(${ID}::uuid[]), 'n', unnest(${[1, 2, 3]}::int[])`);
    expect(
      (await queryRows<{ id: string }>(em(), sql`select id from note where id = any(${ID.slice(0, 2)}) order by id`)).map((r) => r.id),
    ).toEqual(ID.slice(0, 2));
    expect(await queryRows(em(), sql`select id from note where id = any(${[]}::uuid[])`)).toEqual([]);
    expect(await queryRow(em(), sql`select ${['a', null, 'c']}::text[] as values`)).toEqual({ values: ['a', null, 'c'] });
    await execSql(em(), sql`delete from note`);
  });

  it('sends null as NULL, alone and as an array', async () => {
    expect(await queryRow(em(), sql`select ${null}::text is null as text_null, ${null}::uuid[] is null as array_null`)).toEqual({
      text_null: true,
      array_null: true,
    });
  });

  it('sends a Date as its instant, alone and in an array', async () => {
    const at = new Date('2026-11-28T08:15:30.123Z');
    const row = await queryRow<{ iso: string; epochs: string[] }>(
      em(),
      sql`select to_char(${at}::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso,
                 array(select extract(epoch from t)::text from unnest(${[at, new Date(0)]}::timestamptz[]) as t) as epochs`,
    );
    expect(row!.iso).toBe(at.toISOString());
    expect(row!.epochs.map(Number)).toEqual([at.getTime() / 1000, 0]);
  });

  it('splices fragments in with their own parameters, joined and conditional', async () => {
    const rank = 2;
    const filters = [sql`a.n >= ${rank}`, sql`a.label <> ${'skip'}`];
    const query = sql`select a.n from (values (1, 'one'), (2, 'skip'), (3, 'three')) as a(n, label)
                      where ${sql.and(filters)} ${rank > 0 ? sql`order by a.n` : sql.empty}`;
    expect(query.values).toEqual([2, 'skip']);
    expect(await queryRows(em(), query)).toEqual([{ n: 3 }]);
    expect(await queryRows(em(), sql`select 1 as one where ${sql.and([])}`)).toEqual([{ one: 1 }]);
    expect(await queryRow(em(), sql`select ${sql.join([sql`${1}::int`, sql`${2}::int`], ' + ')} as sum`)).toEqual({ sum: 3 });
  });

  it('reads a timestamptz column as epoch milliseconds, to the microsecond and as null, back into the same instant', async () => {
    const row = await queryRow<{ at_ms: number; none_ms: number | null }>(
      em(),
      sql`select ${sql.epochMillis('t', 'at')}, ${sql.epochMillis('t', 'none')}
          from (select timestamptz '2026-11-28 18:00:00.123456+10' as at, null::timestamptz as none) t`,
    );
    expect(instantFromMillis(row!.at_ms).toISOString()).toBe('2026-11-28T08:00:00.123Z');
    expect(instantFromMillis(row!.none_ms)).toBeNull();
  });

  it('keeps a literal question mark and a literal $1 as text', async () => {
    const row = await queryRow(em(), sql`select '?' as mark, '$1' as dollar, ${'{"a": 1}'}::jsonb ? 'a' as has_key, ${7}::int as seven`);
    expect(row).toEqual({ mark: '?', dollar: '$1', has_key: true, seven: 7 });
  });

  it('keeps an injection attempt as data', async () => {
    const attack = "x'); drop table note; --";
    await execSql(em(), sql`insert into note (id, body) values (${ID[0]!}, ${attack})`);
    expect(await queryRows(em(), sql`select body from note where body = ${attack}`)).toEqual([{ body: attack }]);
    expect(await queryRows(em(), sql`select id from note where body = ${"' or '1'='1"}`)).toEqual([]);
    // An identifier is quoted whole: a name with a quote in it names nothing rather than closing the quote.
    await expect(queryRows(em(), sql`select * from ${sql.identifier('public', 'note"; drop table note; --')}`)).rejects.toMatchObject({
      code: '42P01',
    });
    expect(await queryRow(em(), sql`select count(*)::int as n from ${sql.identifier('public', 'note')}`)).toEqual({ n: 1 });
    await execSql(em(), sql`delete from note`);
  });

  it('refuses an undefined value instead of sending it as NULL', async () => {
    await expect(queryRows(em(), sql`select ${undefined as unknown as string} as x`)).rejects.toThrow(/undefined parameter/);
  });

  it('answers how many rows a write changed', async () => {
    await execSql(em(), sql`insert into note (id, rank) select unnest(${ID}::uuid[]), 1`);
    expect(await execSql(em(), sql`update note set rank = 2 where id = any(${ID.slice(1)}::uuid[])`)).toBe(2);
    expect((await runQuery(em(), sql`delete from note returning id`)).rowCount).toBe(3);
  });
});

describe('the executor', () => {
  it("runs inside the entity manager's transaction: its writes roll back with it", async () => {
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await execSql(tx, sql`insert into note (id, body) values (${ID[0]!}, 'inside')`);
        expect(await queryRows(tx, sql`select body from note`)).toEqual([{ body: 'inside' }]);
        // Another connection does not see the uncommitted row.
        expect(await queryRows(tx, sql`select body from note`, { outsideTransaction: true })).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queryRows(em(), sql`select body from note`)).toEqual([]);
  });

  it("runs in a transaction it is given, whatever the entity manager's", async () => {
    const transaction = await orm.em.getKnex().transaction();
    await execSql(em(), sql`insert into note (id, body) values (${ID[1]!}, 'given')`, { transaction });
    expect(await queryRows(em(), sql`select body from note`, { transaction })).toEqual([{ body: 'given' }]);
    expect(await queryRows(em(), sql`select body from note`)).toEqual([]);
    await transaction.rollback();
    expect(await queryRows(em(), sql`select body from note`)).toEqual([]);
  });

  it("holds the subgraph's statement timeout", async () => {
    await expect(queryRows(slow.em.fork(), sql`select pg_sleep(${1})`)).rejects.toMatchObject({ code: '57014' });
    await expect(slow.em.fork().transactional((tx) => queryRows(tx, sql`select pg_sleep(${1})`))).rejects.toMatchObject({ code: '57014' });
  });
});

describe('keysetPage', () => {
  // Most misses first, then the organization id: mixed directions, as complianceReport orders.
  const ORDER: KeysetColumn[] = [
    { by: sql`rank`, key: 'int', desc: true },
    { by: sql`id`, key: 'uuid' },
  ];
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, rank: i % 3 }));

  it("walks every row once, in order, whatever the page size, with the filter's total", async () => {
    await execSql(
      em(),
      sql`insert into note (id, rank) select unnest(${rows.map((r) => r.id)}::uuid[]), unnest(${rows.map((r) => r.rank)}::int[])`,
    );
    const expected = [...rows].filter((r) => r.rank > 0).sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
    for (const size of [1, 2, 3, 10]) {
      const seen: typeof rows = [];
      let after: string | null = null;
      for (;;) {
        const cursor = decodeCursor(after, ['int', 'uuid']);
        const page = await keysetPage<{ id: string; rank: number }>(em(), {
          select: sql`id, rank`,
          from: sql`note`,
          where: sql`rank > ${0}`,
          order: ORDER,
          after: cursor,
          size,
        });
        expect(page.totalCount).toBe(expected.length);
        const connection = toConnection(page.rows, size, page.totalCount, (r) => encodeCursor([r.rank, r.id]));
        seen.push(...connection.edges.map((e) => e.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
    await execSql(em(), sql`delete from note`);
  });

  it('compares one direction as a row, which an index on the columns answers', () => {
    const after = keysetAfter(
      [
        { by: sql`at`, key: 'instant', desc: true },
        { by: sql`id`, key: 'uuid', desc: true },
      ],
      ['2026-11-28T08:00:00.000Z', ID[0]!],
    );
    expect(after.text).toBe('(at, id) < ($1::timestamptz, $2::uuid)');
    expect(keysetAfter(ORDER, null).text).toBe('true');
  });
});
