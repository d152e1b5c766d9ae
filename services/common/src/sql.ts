import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import sqlTemplate, { empty, join, raw, Sql } from 'sql-template-tag';

export { Sql };

/** A value bound as one parameter. JSON goes as text (JSON.stringify it): an array would go as a PostgreSQL array. */
export type SqlParameter = string | number | boolean | bigint | Date | Buffer | null;

/** What one `${…}` of the tag may hold: a parameter, an array of them (one array parameter), or a fragment spliced in. */
export type SqlValue = SqlParameter | readonly SqlParameter[] | readonly (readonly SqlParameter[])[] | Sql;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The one way to write SQL by hand (docs/DESIGN.md, "Hand-written SQL"). Every `${value}` is a
 * bind parameter ($1, $2, …), never text of the statement: a string or number as itself, null as
 * NULL, a Date as an instant, an array as one PostgreSQL array (`= any(${ids})`,
 * `unnest(${names}::text[], ${ids}::uuid[])`), JSON as its text (`${JSON.stringify(rows)}::jsonb`).
 * A nested sql`…` is a fragment: its text and its parameters are spliced in. Large parameters
 * (a week's letters, a check's results) are never escaped into the text, as MikroORM's `execute`
 * does a character at a time (docs/PERFORMANCE.md).
 */
export const sql = Object.assign((strings: readonly string[], ...values: readonly SqlValue[]): Sql => sqlTemplate(strings, ...values), {
  /** Fragments (or values) with a separator between them: `sql.join([sql\`a = ${1}\`, sql\`b = ${2}\`], ' and ')`. */
  join: (parts: readonly SqlValue[], separator = ', '): Sql => join(parts, separator),
  /** Conditions joined by `and`; `true` when there are none. */
  and: (conditions: readonly Sql[]): Sql => (conditions.length ? join(conditions, ' and ', '(', ')') : sql`true`),
  /** No text at all: the branch of a conditional fragment that adds nothing. */
  empty,
  /**
   * The escape hatch: a trusted identifier (a schema, a table, a database the code itself
   * names), quoted, dotted parts quoted each. Never for text that came in a request.
   */
  identifier: (...parts: string[]): Sql => raw(parts.map(quoteIdentifier).join('.')),
  /**
   * A timestamptz column of a table alias read as epoch milliseconds, named `<column>_ms` (float8,
   * a JS number): a list read maps it with `instantFromMillis` into a Date, skipping MikroORM's
   * hydration and its text parsing (docs/PERFORMANCE.md, "Subgraph CPU").
   */
  epochMillis: (alias: string, column: string): Sql =>
    raw(`(extract(epoch from ${quoteIdentifier(alias)}.${quoteIdentifier(column)}) * 1000)::float8 as ${quoteIdentifier(`${column}_ms`)}`),
});

/** A column read with `sql.epochMillis` as its instant; null stays null. */
export function instantFromMillis(ms: number): Date;
export function instantFromMillis(ms: number | null): Date | null;
export function instantFromMillis(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

export interface SqlOptions {
  /** Run in this transaction rather than the entity manager's (a transaction event's own). */
  transaction?: Knex.Transaction;
  /** Run on a pooled connection of its own even when the entity manager is in a transaction. */
  outsideTransaction?: boolean;
}

export interface SqlResult<Row> {
  rows: Row[];
  /** Rows the statement returned, or changed for an UPDATE, DELETE or INSERT. */
  rowCount: number;
}

/**
 * Runs a statement on the entity manager's connection: inside its transaction when it has one
 * (a request's unit of work, `em.transactional`), else on a pooled connection. Either way it is
 * the ORM's pool, so the subgraph's statement_timeout applies (services/common/src/db.ts).
 */
export async function runQuery<Row extends object = Record<string, unknown>>(
  em: EntityManager,
  query: Sql,
  options: SqlOptions = {},
): Promise<SqlResult<Row>> {
  if (query.values.some((value) => value === undefined)) throw new TypeError(`sql: undefined parameter in ${query.text}`);
  // The text keeps its $n placeholders and the values travel beside it, as node-postgres's own
  // `values`: knex binds nothing, so it neither splices a value in (a knex builder or a function
  // would become SQL) nor rewrites the text (MikroORM's knex client sends a statement without
  // bindings verbatim, so a literal `?` stays one: services/common/test/integration/sql.test.ts).
  const statement = em.getKnex().raw(query.text).options({ values: query.values });
  const tx = options.outsideTransaction ? undefined : (options.transaction ?? em.getTransactionContext<Knex.Transaction>());
  const result = (await (tx ? statement.transacting(tx) : statement)) as { rows: Row[]; rowCount: number | null };
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

/** The statement's rows, typed by the caller (timestamps arrive as PostgreSQL's text: MikroORM's parsers). */
export async function queryRows<Row extends object = Record<string, unknown>>(
  em: EntityManager,
  query: Sql,
  options?: SqlOptions,
): Promise<Row[]> {
  return (await runQuery<Row>(em, query, options)).rows;
}

/** The statement's first row, if any. */
export async function queryRow<Row extends object = Record<string, unknown>>(
  em: EntityManager,
  query: Sql,
  options?: SqlOptions,
): Promise<Row | undefined> {
  return (await runQuery<Row>(em, query, options)).rows[0];
}

/** Runs a write and answers how many rows it changed. */
export async function execSql(em: EntityManager, query: Sql, options?: SqlOptions): Promise<number> {
  return (await runQuery(em, query, options)).rowCount;
}

/** An ILIKE pattern matching `text` anywhere, its own % _ and \ taken literally (a search box's words). */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
