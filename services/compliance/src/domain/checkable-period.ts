import type { Period, PeriodKind } from '@hub/common';

export interface CheckableRule {
  code: string;
  periodKind: PeriodKind;
  /** ISO date from which a deadline rule is checked (FEEDBACK_WIDGET: 2023-07-01). */
  deadline: string | null;
}

/**
 * Why the rule cannot be evaluated for this period now, or null when it can. A week or month
 * is evaluated once it has ended; a day rule (the daily widget check) as soon as the day began.
 */
export function periodProblem(rule: CheckableRule, period: Period, now: Date, timeZoneDeadline: (date: string) => Date): string | null {
  if (period.kind !== rule.periodKind) {
    const expected = { WEEK: 'a week like 2026-W47', MONTH: 'a month like 2026-11', DAY: 'a day like 2026-11-28' }[rule.periodKind];
    return `${rule.code} is evaluated per ${rule.periodKind.toLowerCase()}: expected ${expected}`;
  }
  if (period.start > now) return `${period.label} has not begun`;
  if (period.kind !== 'DAY' && period.end > now) return `${period.label} has not ended yet`;
  if (rule.deadline && period.end <= timeZoneDeadline(rule.deadline)) return `${rule.code} applies from ${rule.deadline}`;
  return null;
}
