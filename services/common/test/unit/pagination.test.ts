import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../src/pagination.js';

describe('connections', () => {
  it('caps first at 500 and refuses negatives', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(500)).toBe(500);
    expect(() => pageSize(501)).toThrow(/first/);
    expect(() => pageSize(-1)).toThrow(/first/);
  });

  it('round-trips a cursor and refuses a forged one', () => {
    const id = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
    const cursor = encodeCursor(['Министерство', id]);
    expect(decodeCursor(cursor, ['text', 'uuid'])).toEqual(['Министерство', id]);
    expect(() => decodeCursor('not-a-cursor', ['text', 'uuid'])).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor(['only-one']), ['text', 'uuid'])).toThrow(/after/);
  });

  // Found by tests/property-inputs.e2e.test.ts: cursors of the right length with values the keyset's SQL cast refused (HTTP 500).
  it('refuses a cursor whose values the keyset could not compare', () => {
    const id = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
    expect(decodeCursor(encodeCursor(['2026-11-28T08:00:00.000Z', id]), ['instant', 'uuid'])).toEqual(['2026-11-28T08:00:00.000Z', id]);
    expect(decodeCursor(encodeCursor(['2026-11-28 08:00:00.123456+00', id]), ['instant', 'uuid'])).toHaveLength(2);
    expect(decodeCursor(encodeCursor([3, id]), ['int', 'uuid'])).toEqual([3, id]);
    expect(() => decodeCursor(encodeCursor(['x', 'y']), ['instant', 'uuid'])).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor(['2026-02-30T00:00:00Z', id]), ['instant', 'uuid'])).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor([1, 'not-a-uuid']), ['int', 'uuid'])).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor([1e308, id]), ['int', 'uuid'])).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor([1, id]), ['text', 'uuid'])).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor(['a\u0000', id]), ['text', 'uuid'])).toThrow(/after/);
  });

  it('tells whether another page follows from the extra row', () => {
    const page = toConnection([1, 2, 3], 2, 10, (n) => String(n));
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    expect(toConnection([1], 2, 1, String).pageInfo.hasNextPage).toBe(false);
  });
});
