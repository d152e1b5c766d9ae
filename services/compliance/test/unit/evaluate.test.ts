import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePeriod, shiftPeriod } from '@hub/common';
import {
  consecutiveMisses,
  countSubordinatesForBodies,
  evaluate,
  requiredFor,
  tally,
  type ComplianceStatus,
  type OrganizationMeasure,
  type RuleConfig,
} from '../../src/domain/evaluate.js';
import { periodProblem } from '../../src/domain/checkable-period.js';

const TZ = 'Asia/Vladivostok';
const WEEK = parsePeriod('2026-W47', TZ);
const WEEKLY: RuleConfig = {
  code: 'WEEKLY_PLACEMENTS',
  threshold: 3,
  appliesTo: [
    { kind: 'EXECUTIVE_BODY', parentKind: null, severity: 'MANDATORY', decreeItem: '3.1' },
    { kind: 'SUBORDINATE', parentKind: 'EXECUTIVE_BODY', severity: 'MANDATORY', decreeItem: '3.1' },
    { kind: 'MUNICIPALITY', parentKind: null, severity: 'RECOMMENDED', decreeItem: '4' },
    { kind: 'SUBORDINATE', parentKind: 'MUNICIPALITY', severity: 'RECOMMENDED', decreeItem: '4' },
  ],
};
const WIDGET: RuleConfig = {
  code: 'FEEDBACK_WIDGET',
  threshold: 1,
  appliesTo: [{ kind: 'EXECUTIVE_BODY', parentKind: null, severity: 'MANDATORY', decreeItem: '3.2' }],
};

const org = (id: string, patch: Partial<OrganizationMeasure> = {}): OrganizationMeasure => ({
  organizationId: id,
  kind: 'EXECUTIVE_BODY',
  parentId: null,
  parentKind: null,
  active: true,
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  actual: 3,
  pages: 2,
  ...patch,
});
const run = (
  organizations: OrganizationMeasure[],
  rule = WEEKLY,
  extra: { exemptions?: Map<string, string>; previousMisses?: Map<string, number> } = {},
) =>
  evaluate({
    rule,
    period: WEEK,
    organizations,
    exemptions: extra.exemptions ?? new Map(),
    previousMisses: extra.previousMisses ?? new Map(),
  });

describe('weekly placements (decree 3.1, 4)', () => {
  it('meets the week with 3 distinct materials and misses it with 2', () => {
    const [met, missed] = run([org('a', { actual: 3 }), org('b', { actual: 2 })]);
    expect(met).toMatchObject({ status: 'MET', required: 3, actual: 3, consecutiveMisses: 0, severity: 'MANDATORY' });
    expect(missed).toMatchObject({ status: 'MISSED', required: 3, actual: 2, consecutiveMisses: 1 });
  });

  it("holds municipalities and their subordinates as recommended, bodies' subordinates as mandatory", () => {
    const results = run([
      org('m', { kind: 'MUNICIPALITY' }),
      org('sm', { kind: 'SUBORDINATE', parentId: 'm', parentKind: 'MUNICIPALITY' }),
      org('sb', { kind: 'SUBORDINATE', parentId: 'b', parentKind: 'EXECUTIVE_BODY' }),
    ]);
    expect(results.map((r) => [r.organizationId, r.severity, r.municipalityId])).toEqual([
      ['m', 'RECOMMENDED', 'm'],
      ['sm', 'RECOMMENDED', 'm'],
      ['sb', 'MANDATORY', null],
    ]);
  });

  it('skips organizations the rule does not apply to, inactive ones and ones registered during the period', () => {
    const results = run([
      org('committee', { kind: 'COMMITTEE' }),
      org('closed', { active: false }),
      org('new', { registeredAt: new Date(WEEK.start.getTime() + 1000) }),
      org('onTime', { registeredAt: WEEK.start }),
    ]);
    expect(results.map((r) => r.organizationId)).toEqual(['onTime']);
  });

  it('turns a miss into EXEMPT with an exemption, keeping the run of misses as it was', () => {
    const [result] = run([org('a', { actual: 0 })], WEEKLY, { exemptions: new Map([['a', 'ex-1']]), previousMisses: new Map([['a', 2]]) });
    expect(result).toMatchObject({ status: 'EXEMPT', exemptionId: 'ex-1', consecutiveMisses: 2 });
    const [met] = run([org('a', { actual: 5 })], WEEKLY, { exemptions: new Map([['a', 'ex-1']]) });
    expect(met).toMatchObject({ status: 'MET', exemptionId: null });
  });

  it('extends the previous run of misses', () => {
    const [result] = run([org('a', { actual: 1 })], WEEKLY, { previousMisses: new Map([['a', 2]]) });
    expect(result!.consecutiveMisses).toBe(3);
    expect(tally(run([org('a', { actual: 1 }), org('b')]))).toEqual({ evaluated: 2, met: 1, missed: 1, exempt: 0 });
  });
});

describe('feedback widget (decree 3.2)', () => {
  it('requires the widget on every page, and a page at all', () => {
    expect(requiredFor(WIDGET, { pages: 3 })).toBe(3);
    expect(requiredFor(WIDGET, { pages: 0 })).toBe(1);
    const [full, partial, none] = run(
      [org('a', { pages: 2, actual: 2 }), org('b', { pages: 2, actual: 1 }), org('c', { pages: 0, actual: 0 })],
      WIDGET,
    );
    expect([full!.status, partial!.status, none!.status]).toEqual(['MET', 'MISSED', 'MISSED']);
    expect(none).toMatchObject({ required: 1, actual: 0 });
  });
});

describe('consecutive misses', () => {
  const status = fc.constantFrom<ComplianceStatus>('MET', 'MISSED', 'EXEMPT');

  it('counts the misses since the last met period, exempt periods neutral', () => {
    expect(consecutiveMisses(['MISSED', 'MET', 'MISSED', 'EXEMPT', 'MISSED'])).toBe(2);
    expect(consecutiveMisses([])).toBe(0);
  });

  it('agrees with evaluating period after period, whatever the history', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), (history) => {
        let previous = 0;
        history.forEach((s, i) => {
          const measure = org('a', { actual: s === 'MET' ? 3 : 0 });
          const exemptions = new Map(s === 'EXEMPT' ? [['a', 'x']] : []);
          const period = shiftPeriod(WEEK, i, TZ);
          const [result] = evaluate({
            rule: WEEKLY,
            period,
            organizations: [measure],
            exemptions,
            previousMisses: new Map([['a', previous]]),
          });
          expect(result!.status).toBe(s);
          previous = result!.consecutiveMisses;
        });
        expect(previous).toBe(consecutiveMisses(history));
      }),
    );
  });

  it('is never more than the number of misses and zero right after a met period', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), (history) => {
        const run = consecutiveMisses(history);
        expect(run).toBeLessThanOrEqual(history.filter((s) => s === 'MISSED').length);
        if (history.at(-1) === 'MET') expect(run).toBe(0);
      }),
    );
  });
});

describe('which periods can be checked', () => {
  const deadline = (d: string) => new Date(`${d}T00:00:00+10:00`);
  const weekly = { code: 'WEEKLY_PLACEMENTS', periodKind: 'WEEK' as const, deadline: null };
  const widget = { code: 'FEEDBACK_WIDGET', periodKind: 'DAY' as const, deadline: '2023-07-01' };
  const monday = new Date('2026-11-23T00:00:00Z'); // Monday 10:00 local, week 48

  it('checks a week once it has ended, not before', () => {
    expect(periodProblem(weekly, WEEK, monday, deadline)).toBeNull();
    expect(periodProblem(weekly, parsePeriod('2026-W48', TZ), monday, deadline)).toMatch(/not ended/);
    expect(periodProblem(weekly, parsePeriod('2026-W50', TZ), monday, deadline)).toMatch(/not begun/);
  });

  it('refuses a period of the wrong kind for the rule', () => {
    expect(periodProblem(weekly, parsePeriod('2026-11', TZ), monday, deadline)).toMatch(/per week/);
  });

  it('checks a day rule from its deadline on, today included', () => {
    expect(periodProblem(widget, parsePeriod('2026-11-23', TZ), monday, deadline)).toBeNull();
    expect(periodProblem(widget, parsePeriod('2023-06-30', TZ), monday, deadline)).toMatch(/applies from 2023-07-01/);
  });
});

describe("the media rule counts a subordinate's publication for its body (decree 3.3)", () => {
  const MEDIA: RuleConfig = {
    code: 'MONTHLY_MEDIA_MENTION',
    threshold: 1,
    appliesTo: [{ kind: 'EXECUTIVE_BODY', parentKind: null, severity: 'MANDATORY', decreeItem: '3.3' }],
  };
  it("meets the body's month with a publication its subordinate reported, and not a municipality's subordinate's", () => {
    const measured = countSubordinatesForBodies([
      org('body', { actual: 0 }),
      org('school', { kind: 'SUBORDINATE', parentId: 'body', parentKind: 'EXECUTIVE_BODY', actual: 1 }),
      org('other', { actual: 0 }),
      org('town', { kind: 'MUNICIPALITY', actual: 0 }),
      org('club', { kind: 'SUBORDINATE', parentId: 'town', parentKind: 'MUNICIPALITY', actual: 1 }),
    ]);
    const results = evaluate({ rule: MEDIA, period: WEEK, organizations: measured, exemptions: new Map(), previousMisses: new Map() });
    expect(results.map((r) => [r.organizationId, r.actual, r.status, r.decreeItem])).toEqual([
      ['body', 1, 'MET', '3.3'],
      ['other', 0, 'MISSED', '3.3'],
    ]);
  });
});
