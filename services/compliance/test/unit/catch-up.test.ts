import { describe, expect, it } from 'vitest';
import { duePeriods } from '../../src/domain/catch-up.js';

const TZ = 'Asia/Vladivostok';
const monday = new Date('2026-11-30T00:00:00Z'); // Monday 10:00 local, week 2026-W49

describe('which checks a returning worker owes', () => {
  it('owes the last 8 ended weeks when nothing was evaluated, oldest first, never the current one', () => {
    const due = duePeriods({ kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt: new Map(), lastReportedAt: new Map() });
    expect(due.map((p) => p.label)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
  });

  it('owes only the weeks missed while it was down', () => {
    const evaluatedAt = new Map(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46'].map((w) => [w, new Date('2026-11-20T00:00:00Z')]));
    const due = duePeriods({ kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt, lastReportedAt: new Map() });
    expect(due.map((p) => p.label)).toEqual(['2026-W47', '2026-W48']);
  });

  it('owes a week again when a report about it arrived after it was evaluated', () => {
    const evaluatedAt = new Map([['2026-W48', new Date('2026-11-30T00:00:00Z')]]);
    const late = duePeriods({
      kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt, lastReportedAt: new Map([['2026-W48', new Date('2026-11-30T00:30:00Z')]]),
      notBefore: new Date('2026-11-22T00:00:00Z'),
    });
    expect(late.map((p) => p.label)).toEqual(['2026-W48']);
    const onTime = duePeriods({
      kind: 'WEEK', now: monday, timeZone: TZ, evaluatedAt, lastReportedAt: new Map([['2026-W48', new Date('2026-11-29T00:00:00Z')]]),
      notBefore: new Date('2026-11-22T00:00:00Z'),
    });
    expect(onTime).toEqual([]);
  });

  it('owes the previous month on the 1st and a day rule today', () => {
    const first = new Date('2026-11-30T23:30:00Z'); // 1 December 09:30 local
    expect(duePeriods({ kind: 'MONTH', now: first, timeZone: TZ, evaluatedAt: new Map([['2026-09', first], ['2026-10', first]]), lastReportedAt: new Map() })
      .map((p) => p.label)).toEqual(['2026-11']);
    expect(duePeriods({ kind: 'DAY', now: first, timeZone: TZ, evaluatedAt: new Map(), lastReportedAt: new Map(), notBefore: new Date('2026-11-30T14:00:00Z') })
      .map((p) => p.label)).toEqual(['2026-12-01']);
  });
});
