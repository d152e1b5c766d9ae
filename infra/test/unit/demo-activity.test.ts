import { describe, expect, it } from 'vitest';
import { periodContaining, shiftPeriod } from '@hub/common';
import { generateDemoRegion } from '../../src/demo/region.js';
import { generateDemoMaterials } from '../../src/demo/content.js';
import { generateDemoActivity } from '../../src/demo/activity.js';

const TZ = 'Asia/Vladivostok';
const now = new Date('2026-11-28T08:00:00Z');
const { organizations } = generateDemoRegion({ seed: 299, now });
const materials = generateDemoMaterials({ seed: 299, now, timeZone: TZ });
const activity = generateDemoActivity({ seed: 299, now, timeZone: TZ, organizations, materials });
const current = periodContaining('WEEK', now, TZ);
const weeks = [8, 7, 6, 5, 4, 3, 2, 1].map((back) => shiftPeriod(current, -back, TZ));
const subject = organizations.filter((o) => ['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE'].includes(o.kind));

/** Distinct materials per organization per past week, oldest week first. */
const counts = new Map(
  subject.map((o) => [
    o.id,
    weeks.map(
      (w) =>
        new Set(
          activity.placements
            .filter((p) => p.organizationId === o.id && p.publishedAt >= w.start && p.publishedAt < w.end)
            .map((p) => p.materialId),
        ).size,
    ),
  ]),
);
const missRun = (series: number[]) => {
  let run = 0;
  for (let i = series.length - 1; i >= 0 && series[i]! < 3; i--) run++;
  return run;
};

describe('demo placements', () => {
  it('lets most organizations meet the weekly norm of 3 in every week', () => {
    for (let w = 0; w < weeks.length; w++) {
      const met = subject.filter((o) => counts.get(o.id)![w]! >= 3).length;
      expect(met / subject.length).toBeGreaterThan(0.6);
      expect(met).toBeLessThan(subject.length);
    }
  });

  it('has organizations missing 1, 2 and 3+ weeks running up to last week, so every escalation level appears', () => {
    const runs = subject.map((o) => missRun(counts.get(o.id)!));
    expect(runs.filter((r) => r === 1).length).toBeGreaterThan(0);
    expect(runs.filter((r) => r === 2).length).toBeGreaterThan(0);
    expect(runs.filter((r) => r >= 3).length).toBeGreaterThan(0);
    const bodies = subject.filter((o) => o.kind === 'EXECUTIVE_BODY').map((o) => missRun(counts.get(o.id)!));
    expect(bodies.some((r) => r >= 2)).toBe(true);
  });

  it('places only distributed materials, between their distribution (or withdrawal) and now', () => {
    const byId = new Map(materials.map((m) => [m.id, m]));
    for (const p of activity.placements) {
      const m = byId.get(p.materialId)!;
      expect(m.distributedAt).not.toBeNull();
      expect(p.publishedAt >= m.distributedAt!).toBe(true);
      expect(p.publishedAt <= now).toBe(true);
      if (m.withdrawnAt) expect(p.publishedAt < m.withdrawnAt).toBe(true);
      expect(p.reportedAt >= p.publishedAt).toBe(true);
    }
    expect(new Set(activity.placements.map((p) => `${p.materialId}|${p.pageId}`)).size).toBe(activity.placements.length);
    expect(activity.placements.some((p) => p.viaGospabliki)).toBe(true);
  });

  it('gives most executive bodies a media publication last month and some none', () => {
    const lastMonth = shiftPeriod(periodContaining('MONTH', now, TZ), -1, TZ);
    const bodies = organizations.filter((o) => o.kind === 'EXECUTIVE_BODY');
    const mentioned = bodies.filter((b) =>
      activity.media.some((m) => m.organizationId === b.id && m.publishedAt >= lastMonth.start && m.publishedAt < lastMonth.end),
    );
    expect(mentioned.length / bodies.length).toBeGreaterThan(0.6);
    expect(mentioned.length).toBeLessThan(bodies.length);
  });

  it('is the same for the same seed', () => {
    expect(generateDemoActivity({ seed: 299, now, timeZone: TZ, organizations, materials })).toEqual(activity);
  });
});
