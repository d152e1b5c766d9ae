/**
 * When a reported fact (a widget placed, an article published) may have happened: not before the
 * year of the decree (order No. 299-r of 28 June 2023; docs/DESIGN.md) and not in the future.
 * 1 January 2023 in the region's time leaves room for what was in place when the decree came.
 */
export const EARLIEST_FACT_DAY = '2023-01-01';

/** Clocks disagree a little; a fact (or a post) "from the future" beyond that is a typo. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const isInTheFuture = (at: Date, now: Date): boolean => at.getTime() > now.getTime() + CLOCK_SKEW_MS;

/** Why `at` cannot be the date of a fact reported at `now`, or null; `earliest` is EARLIEST_FACT_DAY's start in the region. */
export function factDateProblem(at: Date, now: Date, earliest: Date): string | null {
  if (isInTheFuture(at, now)) return 'is in the future';
  if (at < earliest) return `is before ${EARLIEST_FACT_DAY}: the decree dates from 2023`;
  return null;
}
