// The dataset's weeks in the region's time, from the spec's clock.
import { periodContaining, shiftPeriod, type Period } from '@hub/common';
import type { DatasetSpec } from './spec.js';

export interface Calendar {
  now: number;
  /** The complete weeks, oldest first (the current week, in which `now` falls, is not one). */
  weeks: Period[];
  current: Period;
  /** The zone's UTC offset: the generator places posts in office hours with it. */
  offsetMs: number;
}

export function calendarOf(spec: DatasetSpec): Calendar {
  const now = new Date(spec.now);
  const current = periodContaining('WEEK', now, spec.timeZone);
  const weeks = Array.from({ length: spec.weeks }, (_, i) => shiftPeriod(current, i - spec.weeks, spec.timeZone));
  const dayStart = periodContaining('DAY', now, spec.timeZone).start.getTime();
  const offsetMs = ((-dayStart % 86_400_000) + 86_400_000) % 86_400_000;
  return { now: now.getTime(), weeks, current, offsetMs };
}
