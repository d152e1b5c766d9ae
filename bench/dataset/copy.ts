// COPY … FROM STDIN in PostgreSQL's text format, fed from a generator a chunk at a time, so a
// table of millions of rows is never held in memory.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Date | null | readonly string[];

const SPECIAL = /[\\\t\n\r]/;

function escapeText(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : value;
}

/** A text[] literal: every element quoted, so commas, braces and spaces inside stay data. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function encodeValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escapeText(arrayLiteral(value));
}

const CHUNK_CHARS = 1 << 16;

async function* chunks(rows: Iterable<readonly CopyValue[]>, counter: { rows: number }): AsyncGenerator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += row.map(encodeValue).join('\t') + '\n';
    counter.rows++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams the rows into `table`; returns how many were sent. */
export async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const counter = { rows: 0 };
  const sink = client.query(copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks(rows, counter)), sink);
  return counter.rows;
}
