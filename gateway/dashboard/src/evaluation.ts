/** Why a cell of an organization's weekly history is what it is, including the weeks it has no result for. */
import type { ComplianceStatus } from './generated/graphql.js';
import { parseWeek, weekMonday } from './weeks.js';

/**
 * NOT_EVALUATED: the week began before the organization was registered; the rules evaluate an
 * organization from its first full period, so no result is expected and none is missing.
 * NONE: a result was expected and is not there (the week was not checked, or not for it).
 */
export type CellStatus = ComplianceStatus | 'NONE' | 'NOT_EVALUATED';

export function cellStatus(status: ComplianceStatus | null | undefined, week: string, registeredAt: string | null | undefined): CellStatus {
  if (status) return status;
  if (registeredAt && isBeforeRegistration(week, registeredAt)) return 'NOT_EVALUATED';
  return 'NONE';
}

/**
 * The hub writes every DateTime with the region's offset (e.g. 2026-09-28T09:00:00+10:00), so the
 * wall-clock part is the region's local time, and a week began before registration when its
 * Monday 00:00 is earlier than that: no time zone is kept here (HUB_TIMEZONE decides it).
 */
function isBeforeRegistration(week: string, registeredAt: string): boolean {
  const parsed = parseWeek(week);
  const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?/.exec(registeredAt)?.[0];
  if (!parsed || !wallClock) return false;
  const monday = `${weekMonday(parsed).toISOString().slice(0, 10)}T00:00:00`;
  return wallClock > monday;
}
