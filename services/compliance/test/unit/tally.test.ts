import { describe, expect, it } from 'vitest';
import { cells, rateOf, summarize, tally, trend } from '../../src/domain/tally.js';
import { lastCompletePeriods } from '../../src/domain/windows.js';

const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';

describe('tally', () => {
  it('leaves exemptions out of the rate and has no rate when nothing was due', () => {
    expect(
      tally([
        { status: 'MET', n: 3 },
        { status: 'MISSED', n: 1 },
        { status: 'EXEMPT', n: 4 },
      ]),
    ).toEqual({ evaluated: 8, met: 3, missed: 1, exempt: 4, rate: 0.75 });
    expect(tally([{ status: 'EXEMPT', n: 2 }]).rate).toBeNull();
    expect(rateOf(0, 0)).toBeNull();
    expect(rateOf(0, 5)).toBe(0);
  });
});

describe('summarize', () => {
  const rows = [
    { kind: 'MUNICIPALITY', municipalityId: M1, severity: 'RECOMMENDED', status: 'MET', n: 1 },
    { kind: 'SUBORDINATE', municipalityId: M1, severity: 'RECOMMENDED', status: 'MISSED', n: 3 },
    { kind: 'SUBORDINATE', municipalityId: M2, severity: 'RECOMMENDED', status: 'MET', n: 4 },
    { kind: 'EXECUTIVE_BODY', municipalityId: null, severity: 'MANDATORY', status: 'MET', n: 5 },
    { kind: 'SUBORDINATE', municipalityId: null, severity: 'MANDATORY', status: 'EXEMPT', n: 1 },
  ] as const;

  it('totals, per severity, per kind and severity in the registry order, and per municipality worst first with regional bodies as null', () => {
    const summary = summarize(rows);
    expect(summary).toMatchObject({ evaluated: 14, met: 10, missed: 3, exempt: 1, rate: null });
    expect(summary.bySeverity.map((k) => [k.severity, k.evaluated, k.rate])).toEqual([
      ['MANDATORY', 6, 1],
      ['RECOMMENDED', 8, 5 / 8],
    ]);
    expect(summary.byKind.map((k) => [k.kind, k.severity, k.evaluated, k.rate])).toEqual([
      ['EXECUTIVE_BODY', 'MANDATORY', 5, 1],
      ['MUNICIPALITY', 'RECOMMENDED', 1, 1],
      ['SUBORDINATE', 'MANDATORY', 1, null],
      ['SUBORDINATE', 'RECOMMENDED', 7, 4 / 7],
    ]);
    expect(summary.byMunicipality.map((m) => [m.municipalityId, m.rate])).toEqual([
      [M1, 0.25],
      [null, 1],
      [M2, 1],
    ]);
  });

  it('keeps the sums of both breakdowns equal to the totals', () => {
    const summary = summarize(rows);
    const sum = (list: { evaluated: number }[]) => list.reduce((s, x) => s + x.evaluated, 0);
    expect(sum(summary.byKind)).toBe(summary.evaluated);
    expect(sum(summary.bySeverity)).toBe(summary.evaluated);
    expect(sum(summary.byMunicipality)).toBe(summary.evaluated);
  });
});

describe('trend and heatmap cells', () => {
  it('gives every period a point, zeros where nothing was evaluated', () => {
    const points = trend(
      ['2026-W46', '2026-W47'],
      [
        { period: '2026-W47', status: 'MET', n: 2 },
        { period: '2026-W47', status: 'MISSED', n: 2 },
      ],
    );
    expect(points).toEqual([
      { period: '2026-W46', evaluated: 0, met: 0, missed: 0, exempt: 0, rate: null },
      { period: '2026-W47', evaluated: 4, met: 2, missed: 2, exempt: 0, rate: 0.5 },
    ]);
  });

  it('puts statuses in column order with null for an unevaluated period', () => {
    expect(cells(['2026-W46', '2026-W47', '2026-W48'], { '2026-W48': 'MISSED', '2026-W46': 'MET' })).toEqual(['MET', null, 'MISSED']);
  });
});

describe('lastCompletePeriods', () => {
  it("ends with the week before the current one, across a year boundary, in the region's time zone", () => {
    // Monday 2027-01-04 00:30 in Khabarovsk is still Sunday in UTC: the current week there is 2027-W01.
    const weeks = lastCompletePeriods('WEEK', new Date('2027-01-03T14:30:00Z'), 'Asia/Vladivostok', 3);
    expect(weeks.map((w) => w.label)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
  });
});
