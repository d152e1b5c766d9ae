/**
 * What the address after # names, so a letter's link opens what it says and the back button works:
 *   #/organizations/<id>                   an organization's drill-down (letters link here)
 *   #/report/<rule>/<period>               a period's report: WEEKLY_PLACEMENTS/2026-W48 (or
 *                                          CONTENT_CENTER_WEEKLY_SUPPLY/…) selects the week,
 *                                          MONTHLY_MEDIA_MENTION/2026-10 the media panel's month
 *   #/dashboard, #/materials, #/admin        a workspace other than the role's own front page
 *   ?week=2026-W46&month=2026-10           what the path does not name but the user chose
 * Anything else is the front page: the workspace of the role signed in.
 */

export const VIEWS = ['dashboard', 'materials', 'admin'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  organizationId: string | null;
  week: string | null;
  month: string | null;
  view: View | null;
}

export const FRONT_PAGE: Route = { organizationId: null, week: null, month: null, view: null };

const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WEEKLY_RULES = new Set(['WEEKLY_PLACEMENTS', 'CONTENT_CENTER_WEEKLY_SUPPLY']);
const MONTHLY_RULE = 'MONTHLY_MEDIA_MENTION';

export const isWeek = (label: string | null | undefined): label is string => !!label && WEEK.test(label);
export const isMonth = (label: string | null | undefined): label is string => !!label && MONTH.test(label);

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const route: Route = {
    view: null,
    organizationId: null,
    week: isWeek(params.get('week')) ? params.get('week') : null,
    month: isMonth(params.get('month')) ? params.get('month') : null,
  };
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  if (parts[0] === 'organizations' && parts.length === 2 && parts[1]) return { ...route, organizationId: parts[1] };
  if (parts.length === 1 && (VIEWS as readonly string[]).includes(parts[0]!)) return { ...route, view: parts[0] as View };
  if (parts[0] === 'report' && parts.length === 3) {
    const [, rule, period] = parts;
    if (WEEKLY_RULES.has(rule!) && isWeek(period)) return { ...route, week: period };
    if (rule === MONTHLY_RULE && isMonth(period)) return { ...route, month: period };
  }
  return route;
}

/** The one address of a route: the organization if one is open, else the week's (or month's) report, else the workspace. */
export function formatRoute({ organizationId, week, month, view }: Route): string {
  const params = new URLSearchParams();
  let path = '/';
  if (organizationId) {
    path = `/organizations/${encodeURIComponent(organizationId)}`;
    if (week) params.set('week', week);
    if (month) params.set('month', month);
  } else if (week) {
    path = `/report/WEEKLY_PLACEMENTS/${week}`;
    if (month) params.set('month', month);
  } else if (month) {
    path = `/report/${MONTHLY_RULE}/${month}`;
  } else if (view) {
    path = `/${view}`;
  }
  const query = params.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
