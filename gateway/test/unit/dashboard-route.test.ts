import { describe, expect, it } from 'vitest';
import { FRONT_PAGE, formatRoute, parseRoute } from '../../dashboard/src/route.js';
import { cellStatus } from '../../dashboard/src/evaluation.js';
import { lastCompleteMonthCandidates, monthName, previousMonth } from '../../dashboard/src/months.js';
import { homeOf, switchableViews, workspaceFor } from '../../dashboard/src/workspaces.js';

const ORG = '00000000-0000-4000-8000-000000000003';

describe("the dashboard's address", () => {
  it("opens what a letter's link names", () => {
    expect(parseRoute(`#/organizations/${ORG}`)).toEqual({ ...FRONT_PAGE, organizationId: ORG });
    expect(parseRoute('#/report/WEEKLY_PLACEMENTS/2026-W48')).toEqual({ ...FRONT_PAGE, week: '2026-W48' });
    expect(parseRoute('#/report/CONTENT_CENTER_WEEKLY_SUPPLY/2026-W48')).toEqual({ ...FRONT_PAGE, week: '2026-W48' });
    expect(parseRoute('#/report/MONTHLY_MEDIA_MENTION/2026-10')).toEqual({ ...FRONT_PAGE, month: '2026-10' });
    expect(parseRoute(`#/organizations/${ORG}?week=2026-W46`)).toEqual({ ...FRONT_PAGE, organizationId: ORG, week: '2026-W46' });
  });

  it('takes anything else for the front page', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/organizations',
      '#/organizations/',
      '#/report/WEEKLY_PLACEMENTS/2026-11',
      '#/report/MONTHLY_MEDIA_MENTION/2026-W48',
      '#/report/NO_SUCH_RULE/2026-W48',
      '#/report/WEEKLY_PLACEMENTS/2026-W60',
      '#/organizations/%E0%A4%A',
    ]) {
      expect(parseRoute(hash), hash).toEqual(FRONT_PAGE);
    }
  });

  it('writes each route as one address that reads back the same', () => {
    const routes = [
      FRONT_PAGE,
      { ...FRONT_PAGE, organizationId: ORG },
      { ...FRONT_PAGE, organizationId: ORG, week: '2026-W46', month: '2026-10' },
      { ...FRONT_PAGE, week: '2026-W46' },
      { ...FRONT_PAGE, week: '2026-W46', month: '2026-09' },
      { ...FRONT_PAGE, month: '2026-10' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute({ ...FRONT_PAGE, organizationId: ORG })).toBe(`#/organizations/${ORG}`);
    expect(formatRoute({ ...FRONT_PAGE, week: '2026-W48' })).toBe('#/report/WEEKLY_PLACEMENTS/2026-W48');
  });
});

describe('a week without a result', () => {
  // The hub writes instants with its region's offset; 2026-W45 begins on Monday 2 November 00:00 there.
  it('was not evaluated when it began before the organization was registered', () => {
    expect(cellStatus(null, '2026-W45', '2026-11-02T00:00:01+10:00')).toBe('NOT_EVALUATED');
    expect(cellStatus(null, '2026-W44', '2026-11-02T00:00:01+10:00')).toBe('NOT_EVALUATED');
  });

  it('is a gap in the data when the organization was registered by then', () => {
    expect(cellStatus(null, '2026-W45', '2026-11-02T00:00:00+10:00')).toBe('NONE');
    expect(cellStatus(undefined, '2026-W47', '2026-08-27T13:00:00+10:00')).toBe('NONE');
  });

  it('reads the week in whatever region the hub runs, not in a zone of its own', () => {
    // Moscow's Monday 00:00 is 07:00 in Vladivostok: a zone kept in the page would misplace it.
    expect(cellStatus(null, '2026-W45', '2026-11-02T00:00:00+03:00')).toBe('NONE');
    expect(cellStatus(null, '2026-W45', '2026-11-02T05:00:00.250+03:00')).toBe('NOT_EVALUATED');
    expect(cellStatus(null, '2026-W45', '2026-11-01T23:59:59+03:00')).toBe('NONE');
  });

  it('keeps a result as it is', () => {
    expect(cellStatus('MISSED', '2026-W45', '2026-11-20T00:00:00Z')).toBe('MISSED');
  });
});

describe('the last complete month', () => {
  it("is the month before today's, known from the last complete week", () => {
    // W47 ended on 22 November: today is 23–29 November.
    expect(lastCompleteMonthCandidates('2026-W47')).toEqual(['2026-10']);
    // W48 ended on 29 November: today is 30 November (October is the last complete) or 1–6 December (November).
    expect(lastCompleteMonthCandidates('2026-W48')).toEqual(['2026-11', '2026-10']);
    expect(lastCompleteMonthCandidates('2026-W53')).toEqual(['2026-12']);
  });

  it('reads as people say it', () => {
    expect(monthName('2026-10')).toBe('октябрь 2026');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});

describe('the workspace of a role', () => {
  const at = (hash: string) => parseRoute(hash);

  it("gives an officer and a head their organization's page, whatever the address names", () => {
    for (const hash of ['#/', `#/organizations/${ORG}`, '#/admin', '#/report/WEEKLY_PLACEMENTS/2026-W48']) {
      expect(workspaceFor('OPERATOR', true, at(hash))).toBe('operator');
      expect(workspaceFor('HEAD', true, at(hash))).toBe('head');
    }
  });

  it("opens a letter's organization or report on the dashboard, and each role's front page on the bare address", () => {
    expect(workspaceFor('EDITOR', false, at(`#/organizations/${ORG}`))).toBe('dashboard');
    expect(workspaceFor('ADMIN', false, at('#/report/MONTHLY_MEDIA_MENTION/2026-10'))).toBe('dashboard');
    expect(workspaceFor('EDITOR', false, at('#/'))).toBe('materials');
    expect(workspaceFor('ADMIN', false, at('#/'))).toBe('dashboard');
    expect(workspaceFor('ANALYST', false, at('#/'))).toBe('dashboard');
  });

  it('opens a named workspace only for a role that may use it', () => {
    expect(workspaceFor('ADMIN', false, at('#/admin'))).toBe('admin');
    expect(workspaceFor('ADMIN', false, at('#/materials'))).toBe('materials');
    expect(workspaceFor('EDITOR', false, at('#/admin'))).toBe('materials');
    expect(workspaceFor('ANALYST', false, at('#/materials'))).toBe('dashboard');
    expect(formatRoute({ ...FRONT_PAGE, view: 'admin' })).toBe('#/admin');
  });

  it('offers the workspaces a role switches between, its front page first, and returns to the bare address for it', () => {
    expect(switchableViews('EDITOR')).toEqual(['materials', 'dashboard']);
    expect(switchableViews('ADMIN')).toEqual(['dashboard', 'materials', 'admin']);
    expect(switchableViews('ANALYST')).toEqual([]);
    expect(homeOf('ANALYST', 'dashboard')).toBeNull();
    expect(homeOf('EDITOR', 'dashboard')).toBe('dashboard');
  });
});
