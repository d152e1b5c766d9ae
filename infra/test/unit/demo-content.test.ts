import { describe, expect, it } from 'vitest';
import { periodContaining, shiftPeriod } from '@hub/common';
import { generateDemoMaterials } from '../../src/demo/content.js';

const TZ = 'Asia/Vladivostok';
const now = new Date('2026-11-26T03:00:00Z'); // Thursday 13:00 local, week 2026-W48

describe('demo content', () => {
  const rows = generateDemoMaterials({ seed: 299, now, timeZone: TZ });
  const perWeek = new Map<string, number>();
  for (const r of rows) {
    if (!r.distributedAt) continue;
    const label = periodContaining('WEEK', r.distributedAt, TZ).label;
    perWeek.set(label, (perWeek.get(label) ?? 0) + 1);
  }

  it('is the same for the same seed and moment', () => {
    expect(generateDemoMaterials({ seed: 299, now, timeZone: TZ })).toEqual(rows);
  });

  it('sends about 12 a week for the last 8 weeks, one week short of the quota of 10', () => {
    const current = periodContaining('WEEK', now, TZ);
    const counts = [8, 7, 6, 5, 4, 3, 2, 1].map((back) => perWeek.get(shiftPeriod(current, -back, TZ).label) ?? 0);
    expect(counts.filter((c) => c < 10)).toHaveLength(1);
    expect(counts.filter((c) => c >= 12)).toHaveLength(7);
  });

  it('distributes nothing in the future and keeps some of this week in review', () => {
    expect(rows.every((r) => !r.distributedAt || r.distributedAt < now)).toBe(true);
    expect(rows.some((r) => r.status === 'DRAFT')).toBe(true);
    expect(rows.some((r) => r.status === 'APPROVED')).toBe(true);
    expect(rows.filter((r) => r.status === 'WITHDRAWN')).toHaveLength(1);
  });

  it('distributes on working days between 09:00 and 18:00 local time', () => {
    for (const r of rows.filter((x) => x.distributedAt)) {
      const local = new Date(r.distributedAt!.getTime() + 10 * 3_600_000);
      expect(local.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(local.getUTCDay()).toBeLessThanOrEqual(5);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(9);
      expect(local.getUTCHours()).toBeLessThan(18);
    }
  });

  it('uses every title once', () => {
    expect(new Set(rows.map((r) => r.title)).size).toBe(rows.length);
  });
});

describe('demo content in review', () => {
  it('was written and approved shortly before now, not in 1970', () => {
    const rows = generateDemoMaterials({ seed: 299, now, timeZone: TZ });
    for (const r of rows.filter((x) => !x.distributedAt)) {
      expect(r.createdAt.getTime()).toBeGreaterThan(now.getTime() - 2 * 86_400_000);
      expect(r.createdAt.getTime()).toBeLessThan(now.getTime());
      if (r.approvedAt) expect(r.approvedAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
    }
  });
});
