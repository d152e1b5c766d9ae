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
    const cursor = encodeCursor(['Министерство', 'id-1']);
    expect(decodeCursor(cursor, 2)).toEqual(['Министерство', 'id-1']);
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(/after/);
    expect(() => decodeCursor(encodeCursor(['only-one']), 2)).toThrow(/after/);
  });

  it('tells whether another page follows from the extra row', () => {
    const page = toConnection([1, 2, 3], 2, 10, (n) => String(n));
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    expect(toConnection([1], 2, 1, String).pageInfo.hasNextPage).toBe(false);
  });
});
