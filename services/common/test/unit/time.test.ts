import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/time.js';

describe('instants', () => {
  it('formats in the region time zone with its offset', () => {
    expect(formatInstant(new Date('2026-11-28T08:00:00Z'), 'Asia/Vladivostok')).toBe('2026-11-28T18:00:00+10:00');
    expect(formatInstant(new Date('2026-07-01T10:00:00.250Z'), 'Europe/Berlin')).toBe('2026-07-01T12:00:00.250+02:00');
    expect(formatInstant(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('parses only ISO-8601 with an explicit offset', () => {
    expect(parseInstant('2026-11-28T18:00:00+10:00')?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(parseInstant('2026-11-28T08:00Z')?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(parseInstant('2026-11-28T18:00:00')).toBeNull();
    expect(parseInstant('28.11.2026 18:00')).toBeNull();
    expect(parseInstant('2026-13-45T18:00:00+10:00')).toBeNull();
  });
});
