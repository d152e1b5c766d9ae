import { describe, expect, it } from 'vitest';
import { catchUpWindow, duePeriods } from '../../src/domain/catch-up.js';

const TZ = 'Asia/Vladivostok';
const monday = new Date('2026-11-30T00:00:00Z'); // Monday 10:00 local, week 2026-W49

describe('which checks a returning worker owes', () => {
  it('owes the last 8 ended weeks when nothing was evaluated, oldest first, never the current one', () => {
    const due = duePeriods({ kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt: new Map(), lastReportedAt: new Map() });
    expect(due.map((p) => p.label)).toEqual([
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
  });

  it('owes only the weeks missed while it was down', () => {
    const evaluatedAt = new Map(
      ['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46'].map((w) => [w, new Date('2026-11-20T00:00:00Z')]),
    );
    const due = duePeriods({ kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt, lastReportedAt: new Map() });
    expect(due.map((p) => p.label)).toEqual(['2026-W47', '2026-W48']);
  });

  it('owes a week again when a report about it arrived after it was evaluated', () => {
    const evaluatedAt = new Map([['2026-W48', new Date('2026-11-30T00:00:00Z')]]);
    const late = duePeriods({
      kind: 'WEEK',
      now: monday,
      timeZone: TZ,
      evaluatedAt,
      lastReportedAt: new Map([['2026-W48', new Date('2026-11-30T00:30:00Z')]]),
      notBefore: new Date('2026-11-22T00:00:00Z'),
    });
    expect(late.map((p) => p.label)).toEqual(['2026-W48']);
    const onTime = duePeriods({
      kind: 'WEEK',
      now: monday,
      timeZone: TZ,
      evaluatedAt,
      lastReportedAt: new Map([['2026-W48', new Date('2026-11-29T00:00:00Z')]]),
      notBefore: new Date('2026-11-22T00:00:00Z'),
    });
    expect(onTime).toEqual([]);
  });

  it('owes the previous month on the 1st and a day rule today', () => {
    const first = new Date('2026-11-30T23:30:00Z'); // 1 December 09:30 local
    expect(
      duePeriods({
        kind: 'MONTH',
        now: first,
        timeZone: TZ,
        evaluatedAt: new Map([
          ['2026-09', first],
          ['2026-10', first],
        ]),
        lastReportedAt: new Map(),
      }).map((p) => p.label),
    ).toEqual(['2026-11']);
    expect(
      duePeriods({
        kind: 'DAY',
        now: first,
        timeZone: TZ,
        evaluatedAt: new Map(),
        lastReportedAt: new Map(),
        notBefore: new Date('2026-11-30T14:00:00Z'),
      }).map((p) => p.label),
    ).toEqual(['2026-12-01']);
  });

  it("looks at the horizon's periods only: stale periods older than the window are never due", () => {
    expect(catchUpWindow({ kind: 'WEEK', now: monday, timeZone: TZ }).map((p) => p.label)).toEqual([
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    expect(catchUpWindow({ kind: 'DAY', now: monday, timeZone: TZ }).map((p) => p.label)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(
      catchUpWindow({ kind: 'MONTH', now: monday, timeZone: TZ, notBefore: new Date('2026-09-15T00:00:00Z') }).map((p) => p.label),
    ).toEqual(['2026-10']);
    const yearAgo = new Map(
      Array.from({ length: 52 }, (_, i) => [`2025-W${String(i + 1).padStart(2, '0')}`, new Date('2025-12-31T00:00:00Z')]),
    );
    const stale = new Map([...yearAgo.keys()].map((label) => [label, new Date('2026-11-01T00:00:00Z')]));
    expect(duePeriods({ kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt: yearAgo, lastReportedAt: stale })).toHaveLength(8);

    const evaluated = new Date('2026-11-30T00:00:00Z');
    const evaluatedAt = new Map([...yearAgo, ...['2026-W45', '2026-W46', '2026-W47', '2026-W48'].map((w) => [w, evaluated] as const)]);
    const lastReportedAt = new Map([
      ...stale,
      ['2026-W45', new Date('2026-11-29T00:00:00Z')],
      ['2026-W46', new Date('2026-11-30T00:10:00Z')],
    ]);
    expect(duePeriods({ kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt, lastReportedAt }).map((p) => p.label)).toEqual([
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W46',
    ]);
  });
});
