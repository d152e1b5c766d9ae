import type { EntityManager } from '@mikro-orm/postgresql';
import type { CursorKey } from './pagination.js';
import { queryRow, queryRows, sql, type Sql } from './sql.js';

/** One column of a keyset order, and how a cursor's value for it is cast (decodeCursor checked it fits). */
export interface KeysetColumn {
  /** The column or expression, e.g. sql`r.consecutive_misses`. */
  by: Sql;
  key: CursorKey;
  desc?: boolean;
}

const CAST: Record<CursorKey, Sql> = { int: sql`int4`, text: sql`text`, instant: sql`timestamptz`, uuid: sql`uuid` };

const cursorValue = (column: KeysetColumn, value: string | number) => sql`${value}::${CAST[column.key]}`;

/** The keyset's ORDER BY list. */
export function keysetOrder(order: readonly KeysetColumn[]): Sql {
  return sql.join(order.map((c) => (c.desc ? sql`${c.by} desc` : c.by)));
}

/**
 * The rows after the cursor in that order; `true` without a cursor. One direction throughout is
 * a row comparison, which an index on the columns answers; mixed directions expand to
 * `a < x or (a = x and b > y) …`.
 */
export function keysetAfter(order: readonly KeysetColumn[], after: readonly (string | number)[] | null): Sql {
  if (!after) return sql`true`;
  if (after.length !== order.length) throw new TypeError(`keyset: ${after.length} cursor values for ${order.length} columns`);
  const values = order.map((c, i) => cursorValue(c, after[i]!));
  if (order.every((c) => Boolean(c.desc) === Boolean(order[0]!.desc))) {
    const op = order[0]!.desc ? sql`<` : sql`>`;
    return sql`(${sql.join(order.map((c) => c.by))}) ${op} (${sql.join(values)})`;
  }
  const branches = order.map((c, i) => {
    const equal = order.slice(0, i).map((prev, j) => sql`${prev.by} = ${values[j]!}`);
    return sql.and([...equal, sql`${c.by} ${c.desc ? sql`<` : sql`>`} ${values[i]!}`]);
  });
  return sql`(${sql.join(branches, ' or ')})`;
}

export interface KeysetQuery {
  /** The select list, e.g. sql`r.*`. */
  select: Sql;
  /** The FROM clause's body: tables and joins. */
  from: Sql;
  /** What the total counts and the page reads; sql`true` for everything. */
  where: Sql;
  order: readonly KeysetColumn[];
  /** The decoded cursor: the last row's values of `order`. */
  after: readonly (string | number)[] | null;
  size: number;
}

/**
 * Every keyset-paged list (docs/DESIGN.md, "Hand-written SQL"): the count of the filtered rows and
 * `size + 1` rows after the cursor (the extra one tells toConnection whether another page follows).
 */
export async function keysetPage<Row extends object>(em: EntityManager, query: KeysetQuery): Promise<{ totalCount: number; rows: Row[] }> {
  const count = await queryRow<{ n: number }>(em, sql`select count(*)::int as n from ${query.from} where ${query.where}`);
  const rows = await queryRows<Row>(
    em,
    sql`select ${query.select} from ${query.from}
        where (${query.where}) and ${keysetAfter(query.order, query.after)}
        order by ${keysetOrder(query.order)} limit ${query.size + 1}`,
  );
  return { totalCount: count?.n ?? 0, rows };
}
