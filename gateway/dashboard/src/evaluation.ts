/** Why a cell of an organization's weekly history is what it is, including the weeks it has no result for. */
import type { ComplianceStatus } from './types.js';
import { parseWeek, weekMonday } from './weeks.js';

/**
 * NOT_EVALUATED: the week began before the organization was registered; the rules evaluate an
 * organization from its first full period, so no result is expected and none is missing.
 * NONE: a result was expected and is not there (the week was not checked, or not for it).
 */
export type CellStatus = ComplianceStatus | 'NONE' | 'NOT_EVALUATED';

// The region's time zone (the hub's HUB_TIMEZONE default): its weeks begin on Monday 00:00 there.
const REGION_TIME_ZONE = 'Asia/Vladivostok';

export function cellStatus(status: ComplianceStatus | null | undefined, week: string, registeredAt: string | null | undefined): CellStatus {
  if (status) return status;
  if (registeredAt && isBeforeRegistration(week, new Date(registeredAt))) return 'NOT_EVALUATED';
  return 'NONE';
}

function isBeforeRegistration(week: string, registeredAt: Date): boolean {
  const parsed = parseWeek(week);
  if (!parsed) return false;
  const monday = weekMonday(parsed).getTime();
  const start = monday - zoneOffsetMs(monday, REGION_TIME_ZONE);
  return registeredAt.getTime() > start;
}

/** How far ahead of UTC the zone's clocks are at that instant. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - utcMs;
}
