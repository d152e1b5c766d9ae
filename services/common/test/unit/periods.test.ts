import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeInstant,
  describePeriod,
  parsePeriod,
  periodContaining,
  periodsEndingWith,
  shiftPeriod,
  tryParsePeriod,
} from '../../src/periods.js';

const VLAT = 'Asia/Vladivostok';

describe("periods in the region's time", () => {
  it('runs a week from Monday 00:00 to the next Monday 00:00 local time', () => {
    const week = parsePeriod('2026-W47', VLAT);
    expect(week.start.toISOString()).toBe('2026-11-15T14:00:00.000Z'); // Mon 16 Nov 00:00 +10
    expect(week.end.toISOString()).toBe('2026-11-22T14:00:00.000Z');
    expect(describePeriod(week, VLAT)).toBe('16–22 ноября 2026');
  });

  it('reads months and days', () => {
    expect(parsePeriod('2026-11', VLAT)).toMatchObject({ kind: 'MONTH', label: '2026-11' });
    expect(parsePeriod('2026-11', VLAT).start.toISOString()).toBe('2026-10-31T14:00:00.000Z');
    expect(parsePeriod('2026-11-28', VLAT).end.toISOString()).toBe('2026-11-28T14:00:00.000Z');
    expect(describePeriod(parsePeriod('2026-11', VLAT), VLAT)).toBe('ноябрь 2026');
  });

  it('describes an instant in local time for a letter', () => {
    expect(describeInstant(new Date('2026-12-06T02:05:00Z'), VLAT)).toBe('6 декабря 2026, 12:05');
  });

  it.each(['2026-W54', '2026-W00', '2026-13', '2026-02-30', '2026/11', 'W47', '', '2026-w47'])('refuses %j', (label) => {
    expect(tryParsePeriod(label, VLAT)).toBeNull();
    expect(() => parsePeriod(label, VLAT, { field: 'week' })).toThrow(/week/);
  });

  // Found by tests/property-inputs.e2e.test.ts: year 0 reached PostgreSQL as a timestamp it cannot read (HTTP 500).
  it.each(['0000-W01', '0000-01', '1969-12-31', '9999-12'])('refuses %j, outside the instants the hub takes', (label) => {
    expect(tryParsePeriod(label, VLAT)).toBeNull();
  });

  it('accepts week 53 only in years that have it', () => {
    expect(tryParsePeriod('2026-W53', VLAT)).not.toBeNull();
    expect(tryParsePeriod('2025-W53', VLAT)).toBeNull();
  });

  it('refuses a month where a week is required', () => {
    expect(() => parsePeriod('2026-11', VLAT, { field: 'week', kinds: ['WEEK'] })).toThrow(/expected a week/);
  });

  it('puts Sunday 23:59 local in the old week and Monday 00:00 local in the new one', () => {
    expect(periodContaining('WEEK', new Date('2026-11-22T13:59:59Z'), VLAT).label).toBe('2026-W47');
    expect(periodContaining('WEEK', new Date('2026-11-22T14:00:00Z'), VLAT).label).toBe('2026-W48');
  });

  it('assigns every instant to exactly the week that contains it, in a zone with and without daylight saving', () => {
    for (const zone of [VLAT, 'Europe/Berlin']) {
      fc.assert(
        fc.property(
          fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
          (instant) => {
            const week = periodContaining('WEEK', instant, zone);
            expect(week.start.getTime()).toBeLessThanOrEqual(instant.getTime());
            expect(instant.getTime()).toBeLessThan(week.end.getTime());
            expect(parsePeriod(week.label, zone)).toEqual(week);
            expect(shiftPeriod(week, 1, zone).start).toEqual(week.end);
          },
        ),
      );
    }
  });
});

describe('periodsEndingWith', () => {
  it('gives the periods ending with the one named, oldest first, across a year and a month boundary', () => {
    const zone = 'Asia/Vladivostok';
    expect(periodsEndingWith(parsePeriod('2026-W02', zone), 4, zone).map((p) => p.label)).toEqual([
      '2025-W51',
      '2025-W52',
      '2026-W01',
      '2026-W02',
    ]);
    expect(periodsEndingWith(parsePeriod('2026-03-01', zone), 2, zone).map((p) => p.label)).toEqual(['2026-02-28', '2026-03-01']);
    expect(periodsEndingWith(parsePeriod('2026-01', zone), 1, zone).map((p) => p.label)).toEqual(['2026-01']);
  });
});

describe('a label parsed again', () => {
  it('gives the same period with Dates of its own: a caller that changes one changes no one else’s', () => {
    const zone = 'Asia/Vladivostok';
    const first = parsePeriod('2026-W48', zone);
    first.start.setUTCFullYear(1999);
    const again = parsePeriod('2026-W48', zone);
    expect(again.start.toISOString()).toBe('2026-11-22T14:00:00.000Z');
    expect(again.end.toISOString()).toBe('2026-11-29T14:00:00.000Z');
    expect(parsePeriod('2026-W48', 'UTC').start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(tryParsePeriod('2026-W54', zone)).toBeNull();
    expect(tryParsePeriod('2026-W54', zone)).toBeNull();
  });
});
