import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/time.js';

describe('instants', () => {
  it('formats in the region time zone with its offset', () => {
    expect(formatInstant(new Date('2026-11-28T08:00:00Z'), 'Asia/Vladivostok')).toBe('2026-11-28T18:00:00+10:00');
    expect(formatInstant(new Date('2026-07-01T10:00:00.250Z'), 'Europe/Berlin')).toBe('2026-07-01T12:00:00.250+02:00');
    expect(formatInstant(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('formats across DST changes and zones taken in turn as each zone says, with one formatter kept per zone', () => {
    // Europe/Berlin leaves summer time at 03:00 local on 25 October 2026; New York on 1 November.
    expect(formatInstant(new Date('2026-10-25T00:59:59Z'), 'Europe/Berlin')).toBe('2026-10-25T02:59:59+02:00');
    expect(formatInstant(new Date('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:00:00+01:00');
    expect(formatInstant(new Date('2026-11-01T05:59:59Z'), 'America/New_York')).toBe('2026-11-01T01:59:59-04:00');
    expect(formatInstant(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toBe('2026-11-01T01:00:00-05:00');
    // Midnight local is 00, never 24; the zones do not leak into one another.
    const instant = new Date('2026-11-27T14:00:00Z');
    expect(['Asia/Vladivostok', 'UTC', 'Asia/Kamchatka', 'Asia/Vladivostok'].map((zone) => formatInstant(instant, zone))).toEqual([
      '2026-11-28T00:00:00+10:00',
      '2026-11-27T14:00:00+00:00',
      '2026-11-28T02:00:00+12:00',
      '2026-11-28T00:00:00+10:00',
    ]);
    expect(formatInstant(new Date('1970-01-01T00:00:00Z'), 'Asia/Vladivostok')).toBe('1970-01-01T10:00:00+10:00');
  });

  it('parses only ISO-8601 with an explicit offset', () => {
    expect(parseInstant('2026-11-28T18:00:00+10:00')?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(parseInstant('2026-11-28T08:00Z')?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(parseInstant('2026-11-28T18:00:00')).toBeNull();
    expect(parseInstant('28.11.2026 18:00')).toBeNull();
    expect(parseInstant('2026-13-45T18:00:00+10:00')).toBeNull();
  });

  // Found by tests/property-inputs.e2e.test.ts: these were stored as 2 March 2026 and as instants read back as 1-01-01T08:47:31+08:47:31.
  it('refuses a day the month lacks and years outside 1970–9999', () => {
    expect(parseInstant('2026-02-30T10:00:00+10:00')).toBeNull();
    expect(parseInstant('2026-04-31T00:00:00Z')).toBeNull();
    expect(parseInstant('2025-02-29T12:00:00Z')).toBeNull();
    expect(parseInstant('2024-02-29T12:00:00Z')?.toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(parseInstant('0000-01-01T00:00:00Z')).toBeNull();
    expect(parseInstant('1899-12-31T23:59:59+10:00')).toBeNull();
    expect(parseInstant('9999-12-31T23:59:59-12:00')).toBeNull();
    expect(parseInstant('1970-01-01T00:00:00Z')?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
});
