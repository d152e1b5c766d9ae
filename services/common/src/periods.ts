import { DateTime } from 'luxon';
import { badInput } from './errors.js';
import { isSupportedInstant } from './time.js';

/**
 * The hub's periods, in the region's local time (docs/DESIGN.md, "Periods and the time zone": a
 * week is Monday 00:00 to Sunday 24:00 local): "2026-W47" (ISO week), "2026-11" (month),
 * "2026-11-28" (day). Every module turns a period into an interval here and nowhere else.
 */
export type PeriodKind = 'WEEK' | 'MONTH' | 'DAY';

export interface Period {
  kind: PeriodKind;
  /** Canonical label, e.g. 2026-W05 (zero-padded). */
  label: string;
  /** Inclusive start instant. */
  start: Date;
  /** Exclusive end instant: the next period's start. */
  end: Date;
}

const PATTERNS: Record<PeriodKind, RegExp> = {
  WEEK: /^(\d{4})-W(\d{2})$/,
  MONTH: /^(\d{4})-(\d{2})$/,
  DAY: /^(\d{4})-(\d{2})-(\d{2})$/,
};

function toPeriod(kind: PeriodKind, start: DateTime): Period {
  const unit = kind === 'WEEK' ? 'week' : kind === 'MONTH' ? 'month' : 'day';
  const label = kind === 'WEEK' ? start.toFormat("kkkk-'W'WW") : kind === 'MONTH' ? start.toFormat('yyyy-MM') : start.toISODate()!;
  return { kind, label, start: start.toJSDate(), end: start.plus({ [unit + 's']: 1 }).toJSDate() };
}

/**
 * Labels already parsed, per zone: luxon spends 2–3 ms of CPU in time-zone offsets per label,
 * and a week's letters parse the same few labels thousands of times (docs/PERFORMANCE.md, "The
 * weekly check"). Bounded: the labels in use are a handful of recent periods.
 */
interface Known {
  kind: PeriodKind;
  label: string;
  start: number;
  end: number;
}
const parsed = new Map<string, Known | null>();
const PARSED_LIMIT = 10_000;
const remembered = (period: Period): Known => ({
  kind: period.kind,
  label: period.label,
  start: period.start.getTime(),
  end: period.end.getTime(),
});
// Fresh Dates each time: a caller may keep or change its own.
const fresh = (known: Known): Period => ({ kind: known.kind, label: known.label, start: new Date(known.start), end: new Date(known.end) });

/** Parses a period label; null when it is not a real week, month or day, or lies outside the instants the hub takes. */
export function tryParsePeriod(label: string, timeZone: string): Period | null {
  const key = `${timeZone}|${label}`;
  let known = parsed.get(key);
  if (known === undefined) {
    const period = parseLabel(label, timeZone);
    known = period && isSupportedInstant(period.start) && isSupportedInstant(period.end) ? remembered(period) : null;
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(key, known);
  }
  return known && fresh(known);
}

function parseLabel(label: string, timeZone: string): Period | null {
  const text = label.trim();
  let match = PATTERNS.WEEK.exec(text);
  if (match) {
    const start = DateTime.fromObject({ weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 }, { zone: timeZone });
    return start.isValid && start.weekNumber === Number(match[2]) ? toPeriod('WEEK', start.startOf('day')) : null;
  }
  match = PATTERNS.MONTH.exec(text);
  if (match) {
    const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: timeZone });
    return start.isValid ? toPeriod('MONTH', start) : null;
  }
  match = PATTERNS.DAY.exec(text);
  if (match) {
    const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone: timeZone });
    return start.isValid ? toPeriod('DAY', start) : null;
  }
  return null;
}

/** Parses a period argument; anything else is BAD_USER_INPUT naming the argument. */
export function parsePeriod(label: string, timeZone: string, options: { field?: string; kinds?: PeriodKind[] } = {}): Period {
  const field = options.field ?? 'period';
  const period = tryParsePeriod(label, timeZone);
  if (!period) throw badInput(field, `${field}: "${label}" is not a period (expected 2026-W47, 2026-11 or 2026-11-28)`);
  if (options.kinds && !options.kinds.includes(period.kind)) {
    const expected = options.kinds.map(
      (k) => ({ WEEK: 'a week like 2026-W47', MONTH: 'a month like 2026-11', DAY: 'a day like 2026-11-28' })[k],
    );
    throw badInput(field, `${field}: expected ${expected.join(' or ')}`);
  }
  return period;
}

/** The period of the given kind that contains `instant`, in the region's time. */
export function periodContaining(kind: PeriodKind, instant: Date, timeZone: string): Period {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  const unit = kind === 'WEEK' ? 'week' : kind === 'MONTH' ? 'month' : 'day';
  return toPeriod(kind, local.startOf(unit));
}

/** Shifts already worked out, per zone: the heatmap and the trend ask for the same twelve weeks on every request. */
const shifted = new Map<string, Known>();

/** The period `steps` periods after (or before, when negative) the given one. */
export function shiftPeriod(period: Period, steps: number, timeZone: string): Period {
  const key = `${timeZone}|${period.label}|${steps}`;
  let known = shifted.get(key);
  if (!known) {
    const unit = period.kind === 'WEEK' ? 'weeks' : period.kind === 'MONTH' ? 'months' : 'days';
    known = remembered(toPeriod(period.kind, DateTime.fromJSDate(period.start, { zone: timeZone }).plus({ [unit]: steps })));
    if (shifted.size >= PARSED_LIMIT) shifted.clear();
    shifted.set(key, known);
  }
  return fresh(known);
}

/** `count` consecutive periods ending with `last`, oldest first. */
export function periodsEndingWith(last: Period, count: number, timeZone: string): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1, timeZone));
}

/** "16–22 ноября 2026" style span of a period for letters and pages. */
export function describePeriod(period: Period, timeZone: string): string {
  const start = DateTime.fromJSDate(period.start, { zone: timeZone }).setLocale('ru');
  const last = DateTime.fromJSDate(period.end, { zone: timeZone }).minus({ days: 1 }).setLocale('ru');
  if (period.kind === 'DAY') return start.toFormat('d MMMM yyyy');
  if (period.kind === 'MONTH') return start.toFormat('LLLL yyyy');
  if (start.month === last.month) return `${start.day}–${last.toFormat('d MMMM yyyy')}`;
  if (start.year === last.year) return `${start.toFormat('d MMMM')} – ${last.toFormat('d MMMM yyyy')}`;
  return `${start.toFormat('d MMMM yyyy')} – ${last.toFormat('d MMMM yyyy')}`;
}

/** "6 декабря 2026, 12:00": an instant in the region's local time for letters and reasons. */
export function describeInstant(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('ru').toFormat('d MMMM yyyy, HH:mm');
}
