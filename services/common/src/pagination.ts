import { isUuid } from './collections.js';
import { badInput } from './errors.js';
import { parseInstant } from './time.js';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** Opaque keyset cursor: the sort key values of the last row seen. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** How the keyset compares a cursor value in SQL: int4, text, timestamptz or uuid. */
export type CursorKey = 'int' | 'text' | 'instant' | 'uuid';

const INT4_MAX = 2 ** 31 - 1;

/** An instant as toISOString() or PostgreSQL's own text (2026-11-28 08:00:00.123456+00) writes it. */
const isCursorInstant = (value: string) => parseInstant(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')) !== null;

// A forged cursor must be refused here: in the database it would be a failed cast, an internal error.
const FITS: Record<CursorKey, (value: unknown) => boolean> = {
  int: (value) => Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX,
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  instant: (value) => typeof value === 'string' && isCursorInstant(value),
  uuid: (value) => typeof value === 'string' && isUuid(value),
};

export function decodeCursor(cursor: string | null | undefined, keys: readonly CursorKey[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === keys.length && keys.every((key, i) => FITS[key](values[i]))) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'after is not a cursor returned by this query');
}

/** Builds a connection from rows fetched with limit `size + 1` (the extra row tells hasNextPage). */
export function toConnection<T>(rows: T[], size: number, totalCount: number, cursorOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}
