import { periodContaining, periodsEndingWith, shiftPeriod, type Period, type PeriodKind } from '@hub/common';

/** How far back a returning worker looks for checks it missed. */
export const CATCH_UP_HORIZON: Record<PeriodKind, number> = { WEEK: 8, MONTH: 3, DAY: 7 };

/**
 * The periods a returning worker looks at, oldest first: ended (a day rule: begun) within the
 * horizon, none beginning before `notBefore`. Only these can be due, so only these need their
 * latest report looked up.
 */
export function catchUpWindow(input: { kind: PeriodKind; now: Date; timeZone: string; notBefore?: Date }): Period[] {
  const current = periodContaining(input.kind, input.now, input.timeZone);
  const newest = input.kind === 'DAY' ? current : shiftPeriod(current, -1, input.timeZone);
  return periodsEndingWith(newest, CATCH_UP_HORIZON[input.kind], input.timeZone).filter(
    (period) => !input.notBefore || period.start >= input.notBefore,
  );
}

/**
 * The periods of a rule that are due now, oldest first: ended (a day rule: begun) within the
 * horizon, and either never evaluated successfully or evaluated before a report about the
 * period arrived (a late report makes the result stale).
 */
export function duePeriods(input: {
  kind: PeriodKind;
  now: Date;
  timeZone: string;
  /** Label → when its last successful evaluation started. */
  evaluatedAt: ReadonlyMap<string, Date>;
  /** Label → the latest report time among its counts. */
  lastReportedAt: ReadonlyMap<string, Date | null>;
  /** Periods that begin before this are never due (nothing was registered yet). */
  notBefore?: Date;
}): Period[] {
  return catchUpWindow(input).filter((period) => {
    const evaluated = input.evaluatedAt.get(period.label);
    const reported = input.lastReportedAt.get(period.label);
    return !evaluated || (reported && reported > evaluated);
  });
}
