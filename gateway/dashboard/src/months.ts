/** Month labels (2026-10) as people read them, and which month was the last complete one. Calendar arithmetic only. */
import { parseWeek, weekMonday } from './weeks.js';

const MONTH_NAMES = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const DAY_MS = 86_400_000;

const monthLabel = (date: Date) => `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;

/** «октябрь 2026»; the label itself if it is not a month. */
export function monthName(label: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  const name = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  return name ? `${name} ${match![1]}` : label;
}

export function previousMonth(label: string): string {
  const [year, month] = label.split('-').map(Number) as [number, number];
  return monthLabel(new Date(Date.UTC(year, month - 2, 1)));
}

/**
 * The last complete month, as far as the page can tell: it knows the last complete week, so
 * today is in the week after it. Newest first: the month before the one that week ends in, and
 * when the week began in the month before, the month before that (today may still be in it).
 */
export function lastCompleteMonthCandidates(lastCompleteWeek: string): string[] {
  const week = parseWeek(lastCompleteWeek);
  if (!week) return [];
  const currentMonday = new Date(weekMonday(week).getTime() + 7 * DAY_MS);
  const currentSunday = new Date(currentMonday.getTime() + 6 * DAY_MS);
  const candidates = [previousMonth(monthLabel(currentSunday)), previousMonth(monthLabel(currentMonday))];
  return [...new Set(candidates)];
}
