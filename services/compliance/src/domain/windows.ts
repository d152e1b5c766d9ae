import { periodContaining, periodsEndingWith, shiftPeriod, type Period, type PeriodKind, type RuleCode } from '@hub/common';

/** The rule a period speaks of when none is named: its kind has one rule for every organization. */
export const RULE_OF_PERIOD_KIND: Record<PeriodKind, RuleCode> = {
  WEEK: 'WEEKLY_PLACEMENTS',
  MONTH: 'MONTHLY_MEDIA_MENTION',
  DAY: 'FEEDBACK_WIDGET',
};

/** The last `count` periods that have ended by `now`, oldest first (the current one is still open). */
export function lastCompletePeriods(kind: PeriodKind, now: Date, timeZone: string, count: number): Period[] {
  return periodsEndingWith(shiftPeriod(periodContaining(kind, now, timeZone), -1, timeZone), count, timeZone);
}
